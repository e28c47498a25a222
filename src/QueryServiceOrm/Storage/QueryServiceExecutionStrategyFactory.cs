using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Storage;

/// <summary>
/// Makes <see cref="QueryServiceExecutionStrategy"/> the default; a strategy set with Npgsql's ExecutionStrategy(...) still wins.
/// </summary>
internal sealed class QueryServiceExecutionStrategyFactory(
    ExecutionStrategyDependencies dependencies,
    QueryServiceSingletonOptions options,
    QueryServiceQueryOptions queryOptions,
    CommandJournal journal)
    : RelationalExecutionStrategyFactory(dependencies)
{
    protected override IExecutionStrategy CreateDefaultStrategy(ExecutionStrategyDependencies dependencies)
        => new QueryServiceExecutionStrategy(dependencies, queryOptions, journal, options.AccessTokenProvider);
}

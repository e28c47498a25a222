using Microsoft.EntityFrameworkCore.Storage;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Storage;

/// <summary>Makes <see cref="QueryServiceExecutionStrategy"/> the default; a strategy set with Npgsql's ExecutionStrategy(...) still wins.</summary>
internal sealed class QueryServiceExecutionStrategyFactory(
    ExecutionStrategyDependencies dependencies, QueryServiceQueryOptions options, QueryServiceOptionsExtension extension, CommandJournal journal)
    : RelationalExecutionStrategyFactory(dependencies)
{
    protected override IExecutionStrategy CreateDefaultStrategy(ExecutionStrategyDependencies dependencies)
        => new QueryServiceExecutionStrategy(dependencies, options, journal, extension.AccessTokenProvider);
}

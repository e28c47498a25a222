using QueryServiceOrm.Storage;

namespace QueryServiceOrm.Query;

/// <summary>Creates <see cref="QueryServiceParameterBasedSqlProcessor"/> instances in place of Npgsql's.</summary>
internal sealed class QueryServiceParameterBasedSqlProcessorFactory(
    RelationalParameterBasedSqlProcessorDependencies dependencies,
    SqlDialect dialect) : IRelationalParameterBasedSqlProcessorFactory
{
    public RelationalParameterBasedSqlProcessor Create(RelationalParameterBasedSqlProcessorParameters parameters)
        => new QueryServiceParameterBasedSqlProcessor(dependencies, parameters, dialect);
}

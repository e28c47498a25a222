using Microsoft.EntityFrameworkCore.Query;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Query;

/// <summary>Creates <see cref="QueryServiceParameterBasedSqlProcessor"/> instances in place of Npgsql's.</summary>
internal sealed class QueryServiceParameterBasedSqlProcessorFactory(
    RelationalParameterBasedSqlProcessorDependencies dependencies,
    QueryServiceQueryOptions options) : IRelationalParameterBasedSqlProcessorFactory
{
    public RelationalParameterBasedSqlProcessor Create(RelationalParameterBasedSqlProcessorParameters parameters)
        => new QueryServiceParameterBasedSqlProcessor(dependencies, parameters, options);
}

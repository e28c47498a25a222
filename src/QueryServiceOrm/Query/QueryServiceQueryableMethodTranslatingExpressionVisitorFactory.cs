// Npgsql's translator needs its internal singleton options (Redshift or not).
#pragma warning disable EF1001

using Microsoft.EntityFrameworkCore.Query;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;
using QueryServiceOrm.Xdm;

namespace QueryServiceOrm.Query;

/// <summary>Creates <see cref="QueryServiceQueryableMethodTranslatingExpressionVisitor"/> instances in place of Npgsql's.</summary>
internal sealed class QueryServiceQueryableMethodTranslatingExpressionVisitorFactory(
    QueryableMethodTranslatingExpressionVisitorDependencies dependencies,
    RelationalQueryableMethodTranslatingExpressionVisitorDependencies relationalDependencies,
    INpgsqlSingletonOptions npgsqlOptions,
    XdmTypeMappings xdmTypeMappings) : IQueryableMethodTranslatingExpressionVisitorFactory
{
    public QueryableMethodTranslatingExpressionVisitor Create(QueryCompilationContext queryCompilationContext)
        => new QueryServiceQueryableMethodTranslatingExpressionVisitor(
            dependencies, relationalDependencies, (RelationalQueryCompilationContext)queryCompilationContext, npgsqlOptions, xdmTypeMappings);
}

using System.Diagnostics.CodeAnalysis;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;
using QueryServiceOrm.Xdm;

namespace QueryServiceOrm.Query;

/// <summary>Creates <see cref="QueryServiceQueryableMethodTranslatingExpressionVisitor"/> instances in place of Npgsql's.</summary>
[SuppressMessage(
    "Usage",
    "EF1001:Internal EF Core API usage.",
    Justification = "Npgsql's internal translator needs its internal singleton options.")]
internal sealed class QueryServiceQueryableMethodTranslatingExpressionVisitorFactory(
    QueryableMethodTranslatingExpressionVisitorDependencies dependencies,
    RelationalQueryableMethodTranslatingExpressionVisitorDependencies relationalDependencies,
    INpgsqlSingletonOptions npgsqlOptions,
    XdmTypeMappings xdmTypeMappings) : IQueryableMethodTranslatingExpressionVisitorFactory
{
    public QueryableMethodTranslatingExpressionVisitor Create(QueryCompilationContext queryCompilationContext)
        => new QueryServiceQueryableMethodTranslatingExpressionVisitor(
            dependencies,
            relationalDependencies,
            (RelationalQueryCompilationContext)queryCompilationContext,
            npgsqlOptions,
            xdmTypeMappings);
}

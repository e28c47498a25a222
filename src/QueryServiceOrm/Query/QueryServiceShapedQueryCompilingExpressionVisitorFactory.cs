namespace QueryServiceOrm.Query;

/// <summary>Creates <see cref="QueryServiceShapedQueryCompilingExpressionVisitor"/> instances in place of EF's.</summary>
internal sealed class QueryServiceShapedQueryCompilingExpressionVisitorFactory(
    ShapedQueryCompilingExpressionVisitorDependencies dependencies,
    RelationalShapedQueryCompilingExpressionVisitorDependencies relationalDependencies) : IShapedQueryCompilingExpressionVisitorFactory
{
    public ShapedQueryCompilingExpressionVisitor Create(QueryCompilationContext queryCompilationContext)
        => new QueryServiceShapedQueryCompilingExpressionVisitor(dependencies, relationalDependencies, queryCompilationContext);
}

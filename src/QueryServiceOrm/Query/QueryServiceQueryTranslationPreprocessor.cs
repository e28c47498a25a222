using QueryServiceOrm.Xdm;

namespace QueryServiceOrm.Query;

/// <summary>Rewrites predicates over XDM arrays (<see cref="XdmArrayPredicateRewriter"/>) before EF normalises the query.</summary>
internal sealed class QueryServiceQueryTranslationPreprocessor(
    QueryTranslationPreprocessorDependencies dependencies,
    RelationalQueryTranslationPreprocessorDependencies relationalDependencies,
    QueryCompilationContext queryCompilationContext)
    : RelationalQueryTranslationPreprocessor(dependencies, relationalDependencies, queryCompilationContext)
{
    public override Expression NormalizeQueryableMethod(Expression expression)
        => base.NormalizeQueryableMethod(new XdmArrayPredicateRewriter(QueryCompilationContext.Model).Visit(expression));
}

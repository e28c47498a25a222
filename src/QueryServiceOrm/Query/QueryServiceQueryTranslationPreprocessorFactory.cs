namespace QueryServiceOrm.Query;

/// <summary>Creates <see cref="QueryServiceQueryTranslationPreprocessor"/> instances.</summary>
internal sealed class QueryServiceQueryTranslationPreprocessorFactory(
    QueryTranslationPreprocessorDependencies dependencies,
    RelationalQueryTranslationPreprocessorDependencies relationalDependencies) : IQueryTranslationPreprocessorFactory
{
    public QueryTranslationPreprocessor Create(QueryCompilationContext queryCompilationContext)
        => new QueryServiceQueryTranslationPreprocessor(dependencies, relationalDependencies, queryCompilationContext);
}

using System.Reflection;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace QueryServiceOrm.Query;

/// <summary>
/// EF's compiler of translated queries, which also compiles the library's writes: run as a non-query exactly as EF runs
/// ExecuteDelete (execution strategy, interceptors, logging, the row count it reports), or, for a job, only generated.
/// </summary>
internal sealed class QueryServiceShapedQueryCompilingExpressionVisitor(
    ShapedQueryCompilingExpressionVisitorDependencies dependencies,
    RelationalShapedQueryCompilingExpressionVisitorDependencies relationalDependencies,
    QueryCompilationContext queryCompilationContext)
    : RelationalShapedQueryCompilingExpressionVisitor(dependencies, relationalDependencies, queryCompilationContext)
{
    private static readonly MethodInfo StatementTextMethod = typeof(QueryServiceShapedQueryCompilingExpressionVisitor)
        .GetMethod(nameof(StatementText), BindingFlags.NonPublic | BindingFlags.Static)!;

    protected override Expression VisitExtension(Expression extensionExpression)
        => extensionExpression is QueryWriteExpression { Rows: ShapedQueryExpression rows } write
            ? CompileWrite(write, (SelectExpression)rows.QueryExpression)
            : base.VisitExtension(extensionExpression);

    private Expression CompileWrite(QueryWriteExpression write, SelectExpression rows)
    {
        rows.ApplyTags(QueryCompilationContext.Tags);
        var queryContext = Expression.Convert(QueryCompilationContext.QueryContextParameter, typeof(RelationalQueryContext));
        var resolver = CommandResolver(write.Update(rows));
        if (write.GeneratesOnly)
        {
            return Expression.Call(StatementTextMethod, queryContext, resolver);
        }

#pragma warning disable EF1001 // EF's non-query runner (ExecuteDelete's) is internal API; a write runs exactly as EF's own do.
        return Expression.Call(
            QueryCompilationContext.IsAsync
                ? typeof(RelationalShapedQueryCompilingExpressionVisitor).GetMethod(nameof(NonQueryResultAsync))!
                : typeof(RelationalShapedQueryCompilingExpressionVisitor).GetMethod(nameof(NonQueryResult))!,
            queryContext,
            resolver,
            Expression.Constant(QueryCompilationContext.ContextType),
            Expression.Constant(CommandSource.LinqQuery),
            Expression.Constant(Dependencies.CoreSingletonOptions.AreThreadSafetyChecksEnabled));
#pragma warning restore EF1001
    }

    // What EF builds for its own statements: the command cache runs the parameter-time processor and the SQL generator on
    // first use for each set of parameter nullabilities.
    private Expression CommandResolver(QueryWriteExpression statement)
    {
        var options = RelationalOptionsExtension.Extract(QueryCompilationContext.ContextOptions);
        var parameters = Expression.Parameter(typeof(Dictionary<string, object?>), "parameters");
#pragma warning disable EF1001 // EF's command cache and resolver are internal API, used as EF uses them for every query.
        var cache = new RelationalCommandCache(
            Dependencies.MemoryCache,
            RelationalDependencies.QuerySqlGeneratorFactory,
            RelationalDependencies.RelationalParameterBasedSqlProcessorFactory,
            statement,
            options.UseRelationalNulls,
            options.ParameterizedCollectionMode);
        return Expression.Lambda<RelationalCommandResolver>(
            Expression.Call(Expression.Constant(cache), nameof(RelationalCommandCache.GetRelationalCommandTemplate), null, parameters),
            parameters);
#pragma warning restore EF1001
    }

#pragma warning disable EF1001 // The resolver's delegate type is internal API.
    private static string StatementText(RelationalQueryContext queryContext, RelationalCommandResolver resolver)
    {
        var template = resolver(queryContext.Parameters);
        return template.Parameters.Count == 0
            ? template.CommandText
            : throw new InvalidOperationException(
                "A batch query is SQL text without bind parameters, "
                + "and this context sends values as parameters (Dialect:ParameterMode=Bind). "
                + "Use ParameterMode Inline (the default) for the context that submits jobs.");
    }
#pragma warning restore EF1001
}

using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Internal;
using QueryServiceOrm.Xdm;

namespace QueryServiceOrm.Query;

/// <summary>
/// Teaches EF's null semantics the library's own expressions: any XDM value may be null, and what they contain (paths'
/// roots, indexes, the predicate inside an array lambda) gets the same null handling as the rest of the query.
/// </summary>
[SuppressMessage(
    "Usage",
    "EF1001:Internal EF Core API usage.",
    Justification = "Derives from Npgsql's internal nullability processor to keep its handling of PostgreSQL expressions.")]
internal sealed class QueryServiceSqlNullabilityProcessor(
    RelationalParameterBasedSqlProcessorDependencies dependencies,
    RelationalParameterBasedSqlProcessorParameters parameters) : NpgsqlSqlNullabilityProcessor(dependencies, parameters)
{
    protected override SqlExpression VisitCustomSqlExpression(SqlExpression sqlExpression, bool allowOptimizedExpansion, out bool nullable)
    {
        nullable = true;
        switch (sqlExpression)
        {
            case XdmVariableExpression:
                return sqlExpression;
            case XdmPathExpression path:
                return Same(path.Root, out var root) ? path : new XdmPathExpression(root, path.Segments, path.Type, path.TypeMapping);
            case XdmIndexExpression index:
                var target = Visit(index.Target, allowOptimizedExpansion: false, out _)!;
                var key = Visit(index.Index, allowOptimizedExpansion: false, out _)!;
                return ReferenceEquals(target, index.Target) && ReferenceEquals(key, index.Index)
                    ? index
                    : new XdmIndexExpression(target, key, index.Type, index.TypeMapping);
            case XdmArrayLambdaExpression lambda:
                var array = Visit(lambda.Array, allowOptimizedExpansion: false, out _)!;
                var body = Visit(lambda.Body, allowOptimizedExpansion: false, out _)!;

                // Exists and counts over a missing array are false and 0; a transform of one is missing too.
                nullable = lambda.Operation == XdmArrayOperation.Transform;
                return lambda.Update(array, body);
            default:
                return base.VisitCustomSqlExpression(sqlExpression, allowOptimizedExpansion, out nullable);
        }
    }

    private bool Same(SqlExpression expression, out SqlExpression visited)
    {
        visited = Visit(expression, allowOptimizedExpansion: false, out _)!;
        return ReferenceEquals(visited, expression);
    }
}

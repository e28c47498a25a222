using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace QueryServiceOrm.Query;

/// <summary>
/// Spark SQL accepts EXISTS and IN (subquery) only where rows are filtered, not in the select list, where EF puts them
/// for Any(), All() and Contains(). There they become <c>(SELECT 1 ... LIMIT 1) IS [NOT] NULL</c>: a scalar subquery
/// both dialects accept, which stops at the first row as EXISTS does.
/// </summary>
internal sealed class ProjectedExistsRewriter(ISqlExpressionFactory sqlExpressionFactory) : ExpressionVisitor
{
    private ISqlExpressionFactory Sql { get; } = sqlExpressionFactory;

    protected override Expression VisitExtension(Expression node)
    {
        var visited = base.VisitExtension(node);
        if (visited is not SelectExpression select)
        {
            return visited;
        }

        var projections = select.Projection.Select(p => p.Update((SqlExpression)new SelectListRewriter(this).Visit(p.Expression))).ToList();
        return projections.SequenceEqual(select.Projection)
            ? select
            : select.Update(
                select.Tables, select.Predicate, select.GroupBy, select.Having, projections, select.Orderings, select.Offset, select.Limit);
    }

    // An EXISTS subquery projects nothing (EF writes SELECT 1); the scalar subquery needs that 1 as its column.
    private ScalarSubqueryExpression FirstRow(SelectExpression subquery, SqlExpression? predicate)
        => new(subquery.Update(
            subquery.Tables, predicate, subquery.GroupBy, subquery.Having,
            [new ProjectionExpression(Sql.ApplyDefaultTypeMapping(Sql.Constant(1)), "one")],
            subquery.Orderings, subquery.Offset, Sql.Constant(1)));

    /// <summary>Rewrites one select list expression, leaving nested selects to the outer visitor.</summary>
    private sealed class SelectListRewriter(ProjectedExistsRewriter owner) : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node)
            => node switch
            {
                SelectExpression => node,
                ExistsExpression exists => owner.Sql.IsNotNull(owner.FirstRow(exists.Subquery, exists.Subquery.Predicate)),
                SqlUnaryExpression { OperatorType: ExpressionType.Not, Operand: ExistsExpression exists }
                    => owner.Sql.IsNull(owner.FirstRow(exists.Subquery, exists.Subquery.Predicate)),
                InExpression { Subquery: { Projection: [var column] } subquery, Item: SqlConstantExpression { Value: not null } item }
                    when IsPlain(subquery)
                    => owner.Sql.IsNotNull(owner.FirstRow(subquery, Match(subquery.Predicate, owner.Sql.Equal(column.Expression, item)))),
                _ => base.VisitExtension(node),
            };

        // Moving the match into WHERE is only the same question when nothing limits, groups or combines the rows first.
        private static bool IsPlain(SelectExpression subquery)
            => subquery is { Limit: null, Offset: null, GroupBy.Count: 0, Having: null, IsDistinct: false }
               && subquery.Tables.All(t => t is TableExpression);

        private SqlExpression Match(SqlExpression? predicate, SqlExpression match)
            => predicate is null ? match : owner.Sql.AndAlso(predicate, match);
    }
}

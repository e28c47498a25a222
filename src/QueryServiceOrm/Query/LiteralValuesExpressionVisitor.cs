using System.Globalization;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Query;

/// <summary>
/// Turns parameters into literals once their values are known: every value in Inline mode, LIMIT and OFFSET
/// always (the service documents them only as literals). Then applies the service's row rules before anything
/// is sent: OFFSET only where the dialect has it, <c>Take(0)</c> becomes a false predicate (on the service <c>LIMIT 0</c>
/// means "no cap", i.e. every
/// row) and a LIMIT above 100,000 is refused. Reading the values makes EF regenerate the SQL per execution
/// instead of caching it, which is the price of literal values.
/// </summary>
internal sealed class LiteralValuesExpressionVisitor(
    ISqlExpressionFactory sqlExpressionFactory,
    ParametersCacheDecorator parameters,
    QueryServiceDialect dialect) : ExpressionVisitor
{
    private Dictionary<string, object?>? _values;

    protected override Expression VisitExtension(Expression node)
        => node switch
        {
            SqlParameterExpression parameter when dialect.ParameterMode == QueryServiceParameterMode.Inline => Literal(parameter),
            SelectExpression select => ApplyRowRules((SelectExpression)base.VisitExtension(select)),
            _ => base.VisitExtension(node),
        };

    private SelectExpression ApplyRowRules(SelectExpression select)
    {
        var limit = select.Limit is SqlParameterExpression limitParameter ? Literal(limitParameter) : select.Limit;
        var offset = select.Offset is SqlParameterExpression offsetParameter ? Literal(offsetParameter) : select.Offset;
        var predicate = select.Predicate;
        if (offset is not null && !dialect.SupportsOffset)
        {
            throw new NotSupportedException(
                "Skip (or ElementAt) needs OFFSET, which this server does not accept "
                + "(Spark before 3.4; QueryService:Dialect:SupportsOffset "
                + "is false). Page by key instead: order by a unique column and filter past the last row you read.");
        }

        if (limit is SqlConstantExpression { Value: { } value })
        {
            var rows = Convert.ToInt64(value, CultureInfo.InvariantCulture);
            if (rows > QueryServiceQueryOptions.MaxLimit)
            {
                throw new QueryServiceRowLimitException(
                    $"Take({rows}) asks for more than the {QueryServiceQueryOptions.MaxLimit:N0} rows " +
                    "Query Service returns for an interactive query " +
                    "(a larger LIMIT fails with 53400). Page with Skip/Take, use WithoutRowLimit() to stream every row, " +
                    "or write the result to a table with a CTAS.");
            }

            if (rows <= 0)
            {
                predicate = sqlExpressionFactory.Constant(false);
                limit = null;
            }
        }

        return ReferenceEquals(limit, select.Limit)
               && ReferenceEquals(offset, select.Offset)
               && ReferenceEquals(predicate, select.Predicate)
            ? select
            : select.Update(select.Tables, predicate, select.GroupBy, select.Having, select.Projection, select.Orderings, offset, limit);
    }

    private SqlConstantExpression Literal(SqlParameterExpression parameter)
    {
        _values ??= parameters.GetAndDisableCaching();
        return new SqlConstantExpression(_values[parameter.Name], parameter.Type, sensitive: true, parameter.TypeMapping);
    }
}

// Derives from Npgsql's internal nullability processor to keep its handling of PostgreSQL expressions.
#pragma warning disable EF1001

using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Internal;
using QueryServiceOrm.Xdm;

namespace QueryServiceOrm.Query;

/// <summary>Teaches EF's null semantics the library's own expressions: any XDM field may be null.</summary>
internal sealed class QueryServiceSqlNullabilityProcessor(
    RelationalParameterBasedSqlProcessorDependencies dependencies,
    RelationalParameterBasedSqlProcessorParameters parameters) : NpgsqlSqlNullabilityProcessor(dependencies, parameters)
{
    protected override SqlExpression VisitCustomSqlExpression(SqlExpression sqlExpression, bool allowOptimizedExpansion, out bool nullable)
    {
        if (sqlExpression is XdmPathExpression or XdmVariableExpression or XdmArrayPredicateExpression or XdmIndexExpression)
        {
            nullable = true;
            return sqlExpression;
        }

        return base.VisitCustomSqlExpression(sqlExpression, allowOptimizedExpansion, out nullable);
    }
}

using System.Diagnostics.CodeAnalysis;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Internal;
using QueryServiceOrm.Storage;

namespace QueryServiceOrm.Query;

/// <summary>
/// Runs after parameter values are known: writes values and row limits as literals (<see cref="LiteralValuesExpressionVisitor"/>),
/// then moves EXISTS and IN subqueries out of select lists (<see cref="ProjectedExistsRewriter"/>).
/// </summary>
[SuppressMessage(
    "Usage",
    "EF1001:Internal EF Core API usage.",
    Justification = "Derives from Npgsql's internal processor to keep its null semantics.")]
internal sealed class QueryServiceParameterBasedSqlProcessor(
    RelationalParameterBasedSqlProcessorDependencies dependencies,
    RelationalParameterBasedSqlProcessorParameters parameters,
    SqlDialect dialect) : NpgsqlParameterBasedSqlProcessor(dependencies, parameters)
{
    protected override Expression ProcessSqlNullability(Expression queryExpression, ParametersCacheDecorator parametersDecorator)
        => new QueryServiceSqlNullabilityProcessor(Dependencies, Parameters).Process(queryExpression, parametersDecorator);

    public override Expression Process(Expression queryExpression, ParametersCacheDecorator parametersDecorator)
        => new ProjectedExistsRewriter(Dependencies.SqlExpressionFactory).Visit(
            new LiteralValuesExpressionVisitor(Dependencies.SqlExpressionFactory, parametersDecorator, dialect.Switches)
                .Visit(base.Process(queryExpression, parametersDecorator)));
}

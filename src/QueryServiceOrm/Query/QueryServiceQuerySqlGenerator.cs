using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Expressions.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Internal;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Storage;
using QueryServiceOrm.Xdm;

namespace QueryServiceOrm.Query;

/// <summary>
/// Writes EF's SQL trees in the shape Query Service documents: <c>CAST(x AS t)</c> instead of <c>x::t</c>, literals
/// escaped by Spark's rules, explicit null ordering (LINQ's: nulls first when ascending), struct paths and higher-order
/// functions for XDM data, and LIMIT 0 only where
/// <see cref="Microsoft.EntityFrameworkCore.QueryServiceQueryableExtensions.WithoutRowLimit{T}"/>
/// asks for it. The dialect's open switches are read from <see cref="SqlDialect"/>.
/// </summary>
[SuppressMessage(
    "Usage",
    "EF1001:Internal EF Core API usage.",
    Justification = "Derives from Npgsql's internal SQL generator, whose methods it calls, "
        + "to keep all it does right for the PostgreSQL wire protocol.")]
internal sealed class QueryServiceQuerySqlGenerator : NpgsqlQuerySqlGenerator
{
    private readonly SqlDialect _dialect;
    private bool _withoutRowLimit;
    private bool _topLevelLimitWritten;
    private readonly Stack<Projection> _finalProjection = new();
    private bool _nextSelectIsFinalOperand;
    private bool _bareSetOperationIsFinal;
    private QueryWriteTarget? _write;
    private IReadOnlyList<string> _writeColumns = [];
    private readonly HashSet<string> _lambdaVariables = new(StringComparer.Ordinal);
    private readonly Stack<SelectExpression> _selects = new();
    private readonly List<string> _handWritten = [];
    private readonly int _rowCap;

    public QueryServiceQuerySqlGenerator(
        QuerySqlGeneratorDependencies dependencies,
        IRelationalTypeMappingSource typeMappingSource,
        Version postgresVersion,
        SqlDialect dialect,
        int rowCap)
        : base(dependencies, typeMappingSource, reverseNullOrderingEnabled: false, postgresVersion)
        => (_dialect, _rowCap) = (dialect, rowCap);

    // What the statement does travels with its command, known from the tree rather than read back from the SQL text.
    public override IRelationalCommand GetCommand(Expression queryExpression)
    {
        var command = base.GetCommand(queryExpression);
        if (command is QueryServiceRelationalCommand ours)
        {
            ours.Intent = IntentOf(command.CommandText);
        }

        return command;
    }

    // Hand-written SQL (FromSql) is the one text the tree cannot describe: it writes unless it only reads, and where it is
    // the whole statement its own final LIMIT states its rows.
    private QueryCommandIntent IntentOf(string commandText)
    {
        var handWrittenStatement = _handWritten.Count > 0
            && commandText.TrimEnd().EndsWith(_handWritten[^1].TrimEnd(), StringComparison.Ordinal);
        var statesItsRows = _write is not null
            || _topLevelLimitWritten
            || (handWrittenStatement && HandWrittenSql.EndsWithLimit(_handWritten[^1]));
        return new QueryCommandIntent(
            Writes: _write is not null || _handWritten.Any(sql => !HandWrittenSql.IsRead(sql)),
            RowCap: statesItsRows ? null : _rowCap);
    }

    protected override Expression VisitFromSql(FromSqlExpression fromSqlExpression)
    {
        _handWritten.Add(fromSqlExpression.Sql);
        return base.VisitFromSql(fromSqlExpression);
    }

    // The library's own tags are intent for this generator, not comments: they never reach the statement or the logs.
    protected override void GenerateTagsHeaderComment(ISet<string> tags)
    {
        // A write returns no rows to the client, so no cap applies (and LIMIT 0 would mean nothing to a CTAS).
        _withoutRowLimit |= tags.Contains(QueryServiceQueryTags.WithoutRowLimit) && _write is null;

        base.GenerateTagsHeaderComment(tags.Where(tag => !QueryServiceQueryTags.IsLibraryTag(tag)).ToHashSet());
        if (_write is not null)
        {
            var helper = Dependencies.SqlGenerationHelper;
            var table = TableNames.Delimit(_write.Table, helper);
            Sql.AppendLine(_write.CreateTable
                ? $"CREATE TABLE {table}{_dialect.CreateTableOptions(_write.XdmSchema, _write.RowValidation, _write.Label)} AS"
                : $"INSERT INTO {table} ({string.Join(", ", _writeColumns.Select(c => helper.DelimitIdentifier(c)))})");
        }
    }

    // Time travel reads a table as of a snapshot: FROM t SNAPSHOT AS OF id AS alias (the clause sits where Spark puts
    // its own temporal clauses, before the alias; a Live test settles it on the service).
    protected override Expression VisitTable(TableExpression tableExpression)
    {
        if (tableExpression.FindAnnotation(Metadata.QueryServiceAnnotationNames.Snapshot)?.Value is not string clause)
        {
            return base.VisitTable(tableExpression);
        }

        var helper = Dependencies.SqlGenerationHelper;
        Sql.Append(helper.DelimitIdentifier(tableExpression.Name, tableExpression.Schema))
            .Append(" SNAPSHOT ").Append(clause)
            .Append(AliasSeparator).Append(helper.DelimitIdentifier(tableExpression.Alias));
        return tableExpression;
    }

    protected override Expression VisitSelect(SelectExpression selectExpression)
    {
        // The rows of a write stay structs: they go into struct columns, not to a client.
        _finalProjection.Push(
            _finalProjection.Count > 0 && !_nextSelectIsFinalOperand ? Projection.Inner
            : _write is not null ? Projection.Written
            : Projection.Final);
        _nextSelectIsFinalOperand = false;
        _selects.Push(selectExpression);
        try
        {
            return base.VisitSelect(selectExpression);
        }
        finally
        {
            _selects.Pop();
            _finalProjection.Pop();
        }
    }

    // The operands of a set operation written as the statement itself deliver their rows to the client; those of a set
    // operation used as a FROM source feed the select around it.
    protected override bool TryGenerateWithoutWrappingSelect(SelectExpression selectExpression)
    {
        var previous = _bareSetOperationIsFinal;
        _bareSetOperationIsFinal = _finalProjection.TryPeek(out var projection) && projection != Projection.Inner;
        try
        {
            return base.TryGenerateWithoutWrappingSelect(selectExpression);
        }
        finally
        {
            _bareSetOperationIsFinal = previous;
        }
    }

    protected override void GenerateSetOperationOperand(SetOperationBase setOperation, SelectExpression operand)
    {
        _nextSelectIsFinalOperand = _bareSetOperationIsFinal;
        base.GenerateSetOperationOperand(setOperation, operand);
    }

    // A whole XDM object reaches the client as JSON: a wire client cannot read a struct (or, with type loading off, a
    // composite). Inside the statement it stays a struct, so outer queries can still reach into it.
    protected override Expression VisitProjection(ProjectionExpression projectionExpression)
    {
        if (!(XdmTypeMappings.IsXdm(projectionExpression.Expression) || IsJsonTextColumn(projectionExpression.Expression))
            || !_finalProjection.TryPeek(out var projection))
        {
            return base.VisitProjection(projectionExpression);
        }

        if (projection != Projection.Final)
        {
            return base.VisitProjection(projectionExpression);
        }

        Sql.Append("to_json(");
        Visit(projectionExpression.Expression);
        Sql.Append(")");
        if (projectionExpression.Alias.Length > 0)
        {
            Sql.Append(AliasSeparator).Append(Dependencies.SqlGenerationHelper.DelimitIdentifier(projectionExpression.Alias));
        }

        return projectionExpression;
    }

    // A nested column scaffolded as JSON text (column type json): to_json turns its struct into the text; a real json
    // column comes back unchanged.
    private static bool IsJsonTextColumn(SqlExpression expression)
        => expression is ColumnExpression { TypeMapping.StoreType: XdmStoreTypes.JsonText };

    private string WriteColumn(string alias)
        => alias.Length > 0
            ? _write?.ColumnNames?.GetValueOrDefault(alias) ?? alias
            : throw new InvalidOperationException(
                "Every value a query writes needs a name, the column it goes to: "
                + "project into named members (Select(x => new { Total = x.A * 2 })) or an entity type.");

    protected override void GenerateRootCommand(Expression queryExpression)
    {
        if (queryExpression is QueryWriteExpression { Rows: SelectExpression rows } write)
        {
            _write = write.Target;
            _writeColumns = rows.Projection.Select(p => WriteColumn(p.Alias)).ToList();
            queryExpression = rows;
        }

        base.GenerateRootCommand(queryExpression);

        // A top-level set operation is written without the outer select's LIMIT/OFFSET step; the uncapped clause then
        // closes the whole statement, where it applies to the combined result.
        if (_withoutRowLimit && !_topLevelLimitWritten)
        {
            Sql.AppendLine().Append(SqlDialect.UncappedLimitClause);
        }
    }

    protected override void GenerateLimitOffset(SelectExpression selectExpression)
    {
        if (_finalProjection.Count == 1 && selectExpression.Limit is null && _withoutRowLimit)
        {
            Sql.AppendLine().Append(SqlDialect.UncappedLimitClause);
        }

        _topLevelLimitWritten |= _finalProjection.Count == 1 && (selectExpression.Limit is not null || _withoutRowLimit);
        base.GenerateLimitOffset(selectExpression);
    }

    protected override Expression VisitCrossApply(CrossApplyExpression crossApplyExpression)
        => crossApplyExpression.Table is XdmExplodeExpression explode
           && _dialect.Switches.ExplodeForm == QueryServiceExplodeForm.LateralView
            ? WriteLateralView(crossApplyExpression, explode, "LATERAL VIEW explode(")
            : base.VisitCrossApply(crossApplyExpression);

    protected override Expression VisitOuterApply(OuterApplyExpression outerApplyExpression)
        => outerApplyExpression.Table is XdmExplodeExpression explode
           && _dialect.Switches.ExplodeForm == QueryServiceExplodeForm.LateralView
            ? WriteLateralView(outerApplyExpression, explode, "LATERAL VIEW OUTER explode(")
            : base.VisitOuterApply(outerApplyExpression);

    // Spark's grammar puts lateral views after every relation of the FROM clause, so one can only be written where no
    // join follows it; moving it past a join could change what the join's condition sees.
    private Expression WriteLateralView(JoinExpressionBase join, XdmExplodeExpression explode, string prefix)
    {
        var tables = _selects.Peek().Tables;
        var position = tables.ToList().IndexOf(join);
        if (tables.Skip(position + 1).Any(
                t => !(t is CrossApplyExpression { Table: XdmExplodeExpression } or OuterApplyExpression { Table: XdmExplodeExpression })))
        {
            throw new NotSupportedException(
                "With the dialect's ExplodeForm LateralView, a SelectMany over an XDM array must come after the query's joins "
                + "(Spark writes "
                + "LATERAL VIEW after every other relation): join first and then SelectMany, or use ExplodeForm LateralSubquery on a "
                + "server with Spark 3.4 or later (QueryService:Dialect:ExplodeForm).");
        }

        Sql.Append(prefix);
        WriteXdmValue(explode.Array);
        Sql.Append(") ")
            .Append(Dependencies.SqlGenerationHelper.DelimitIdentifier(explode.Alias))
            .Append(" AS ")
            .Append(XdmExplodeExpression.ColumnName);
        return join;
    }

    protected override Expression VisitExtension(Expression extensionExpression)
    {
        switch (extensionExpression)
        {
            case XdmExplodeExpression explode:
                Sql.Append("(SELECT explode(");
                WriteXdmValue(explode.Array);
                Sql.Append(") AS ").Append(XdmExplodeExpression.ColumnName).Append(")").Append(AliasSeparator)
                    .Append(Dependencies.SqlGenerationHelper.DelimitIdentifier(explode.Alias));
                return explode;

            case XdmPathExpression path:
                WriteXdmValue(path.Root);
                foreach (var segment in path.Segments)
                {
                    Sql.Append(".").Append(_dialect.PathSegment(segment));
                }

                return path;

            case XdmIndexExpression index:
                WriteXdmValue(index.Target);
                Sql.Append("[");
                Visit(index.Index);
                Sql.Append("]");
                return index;

            // EF evaluates a lambda body it cannot translate on the client, translating its parts one by one: the element
            // would then stand outside its lambda, naming nothing (or, on the service, failing far from the cause).
            case XdmVariableExpression variable when !_lambdaVariables.Contains(variable.Name):
                throw new InvalidOperationException(
                    "A lambda over an XDM array could not be translated to SQL: use only element fields, operators and translatable "
                    + "functions inside Any, Count, Select(...).ToList() or Select(...).Contains(...) over an XDM array, or read the "
                    + "whole array and evaluate it in memory.");
            case XdmVariableExpression variable:
                Sql.Append(variable.Name);
                return variable;

            case XdmArrayLambdaExpression lambda:
                WriteArrayLambda(lambda);
                return lambda;

            default:
                return base.VisitExtension(extensionExpression);
        }
    }

    // A missing array has no element that matches (0, false), and a predicate that is unknown for an element does not
    // match: Spark's exists and size would answer NULL and -1, so they are guarded to give what the subqueries give.
    // A transform of a missing array is missing.
    private void WriteArrayLambda(XdmArrayLambdaExpression lambda)
    {
        _lambdaVariables.Add(lambda.ElementName);
        switch (lambda.Operation)
        {
            case XdmArrayOperation.Exists:
                WriteHigherOrderCall("coalesce(exists(", lambda, "coalesce(", ", FALSE)), FALSE)");
                break;
            case XdmArrayOperation.Count:
                Sql.Append("CASE WHEN ");
                WriteXdmValue(lambda.Array);
                WriteHigherOrderCall(" IS NULL THEN 0 ELSE size(filter(", lambda, "coalesce(", ", FALSE))) END");
                break;
            default:
                WriteHigherOrderCall("transform(", lambda, "", ")");
                break;
        }

        _lambdaVariables.Remove(lambda.ElementName);
    }

    private void WriteHigherOrderCall(string prefix, XdmArrayLambdaExpression lambda, string bodyPrefix, string suffix)
    {
        Sql.Append(prefix);
        WriteXdmValue(lambda.Array);
        Sql.Append($", {lambda.ElementName} -> ").Append(bodyPrefix);
        Visit(lambda.Body);
        Sql.Append(suffix);
    }

    private void WriteXdmValue(SqlExpression value)
    {
        if (value is ColumnExpression column)
        {
            Sql.Append(_dialect.PathRoot(column.TableAlias, column.Name));
        }
        else
        {
            Visit(value);
        }
    }

    protected override Expression VisitSqlUnary(SqlUnaryExpression sqlUnaryExpression)
    {
        if (sqlUnaryExpression.OperatorType != ExpressionType.Convert)
        {
            return base.VisitSqlUnary(sqlUnaryExpression);
        }

        Sql.Append("CAST(");
        Visit(sqlUnaryExpression.Operand);
        Sql.Append(" AS ").Append(_dialect.CastTypeName(sqlUnaryExpression.TypeMapping!.StoreType)).Append(")");
        return sqlUnaryExpression;
    }

    protected override Expression VisitSqlConstant(SqlConstantExpression sqlConstantExpression)
    {
        if (_dialect.TryWriteLiteral(sqlConstantExpression.Value, sqlConstantExpression.TypeMapping) is { } literal)
        {
            Sql.Append(literal);
            return sqlConstantExpression;
        }

        throw new NotSupportedException(
            $"A value of type {sqlConstantExpression.Value!.GetType().Name} cannot be written as a Query Service literal.");
    }

    protected override Expression VisitRegexMatch(PgRegexMatchExpression expression, bool negated = false)
    {
        // Java regular expressions, like .NET's, keep '.' off newlines by default; the options become inline flags.
        var flags = (expression.Options.HasFlag(RegexOptions.IgnoreCase) ? "i" : "")
                    + (expression.Options.HasFlag(RegexOptions.Multiline) ? "m" : "")
                    + (expression.Options.HasFlag(RegexOptions.Singleline) ? "s" : "")
                    + (expression.Options.HasFlag(RegexOptions.IgnorePatternWhitespace) ? "x" : "");
        Sql.Append(negated ? "NOT (" : "(");
        Visit(expression.Match);
        Sql.Append(" RLIKE ");
        if (flags.Length > 0)
        {
            Sql.Append("concat(").Append(_dialect.TryWriteLiteral($"(?{flags})", null)!).Append(", ");
            Visit(expression.Pattern);
            Sql.Append(")");
        }
        else
        {
            Visit(expression.Pattern);
        }

        Sql.Append(")");
        return expression;
    }

    protected override string GetOperator(SqlBinaryExpression binaryExpression)
        => binaryExpression switch
        {
            { OperatorType: ExpressionType.ExclusiveOr } when binaryExpression.Type != typeof(bool) => " ^ ",
            { OperatorType: ExpressionType.Divide } when IsInteger(binaryExpression.Left.Type) && IsInteger(binaryExpression.Right.Type)
                => " DIV ",
            _ => base.GetOperator(binaryExpression),
        };

    private static bool IsInteger(Type type)
        => (Nullable.GetUnderlyingType(type) ?? type) is var t
           && (t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) || t == typeof(sbyte)
               || t == typeof(uint) || t == typeof(ulong) || t == typeof(ushort));

    protected override Expression VisitOrdering(OrderingExpression ordering)
    {
        // Spark sorts nulls first when ascending and PostgreSQL last: say it, so both return LINQ's order.
        var result = base.VisitOrdering(ordering);
        Sql.Append(ordering.IsAscending ? " NULLS FIRST" : " NULLS LAST");
        return result;
    }

    // Where a select's rows go: into an outer select; to the client, possibly compared on the way (DISTINCT, set
    // operations); or into the table of a write (the statement's select and the operands of its set operation).
    private enum Projection
    {
        Inner,
        Final,
        Written,
    }
}

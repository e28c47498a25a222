// Derives from Npgsql's internal SQL generator to keep all it does right for the PostgreSQL wire protocol.
#pragma warning disable EF1001

using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Expressions.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Internal;
using QueryServiceOrm.Storage;
using QueryServiceOrm.Xdm;

namespace QueryServiceOrm.Query;

/// <summary>
/// Writes EF's SQL trees in the shape Query Service documents, for both dialects: <c>CAST(x AS t)</c> instead of
/// <c>x::t</c>, literals escaped by the dialect's rules, explicit null ordering (LINQ's: nulls first when
/// ascending), and LIMIT 0 only where <see cref="Microsoft.EntityFrameworkCore.QueryServiceQueryableExtensions.WithoutRowLimit{T}"/>
/// asks for it on the service. Where the dialects differ, <see cref="SqlDialect"/> decides.
/// </summary>
internal sealed class QueryServiceQuerySqlGenerator : NpgsqlQuerySqlGenerator
{
    private readonly SqlDialect _dialect;
    private readonly Dictionary<string, string> _snapshots = new(StringComparer.Ordinal);
    private bool _withoutRowLimit;
    private bool _topLevelLimitWritten;
    private readonly Stack<Projection> _finalProjection = new();
    private bool _nextSelectIsFinalOperand;
    private bool _bareSetOperationIsFinal;
    private QueryWriteTarget? _write;
    private IReadOnlyList<string> _writeColumns = [];
    private string _writeTable = "";
    private readonly HashSet<string> _mapVariables = new(StringComparer.Ordinal);
    private readonly HashSet<string> _lambdaVariables = new(StringComparer.Ordinal);

    public QueryServiceQuerySqlGenerator(
        QuerySqlGeneratorDependencies dependencies,
        IRelationalTypeMappingSource typeMappingSource,
        Version postgresVersion,
        SqlDialect dialect)
        : base(dependencies, typeMappingSource, reverseNullOrderingEnabled: false, postgresVersion)
        => _dialect = dialect;

    // The tag stays in the SQL as a comment: the row-cap check reads it from the command text.
    protected override void GenerateTagsHeaderComment(ISet<string> tags)
    {
        // A write returns no rows to the client, so no cap applies (and LIMIT 0 would mean nothing to the stand-in's CTAS).
        _withoutRowLimit |= tags.Contains(QueryServiceQueryTags.WithoutRowLimit) && _write is null;
        foreach (var tag in tags)
        {
            if (QueryServiceQueryTags.TryReadSnapshot(tag, out var table, out var clause))
            {
                _snapshots[table] = clause;
            }
        }

        base.GenerateTagsHeaderComment(tags);
        if (_write is not null)
        {
            var helper = Dependencies.SqlGenerationHelper;
            _writeTable = TableNames.Delimit(_write.Table, helper);
            Sql.AppendLine(_write.CreateTable
                ? $"CREATE TABLE {_writeTable}{_dialect.CreateTableOptions(_write.XdmSchema, _write.RowValidation, _write.Label)} AS"
                : $"INSERT INTO {_writeTable} ({string.Join(", ", _writeColumns.Select(c => helper.DelimitIdentifier(c)))})");
        }
    }

    // Time travel reads a table as of a snapshot: FROM t SNAPSHOT AS OF id AS alias (the clause sits where Spark puts
    // its own temporal clauses, before the alias; a Live test settles it on the service).
    protected override Expression VisitTable(TableExpression tableExpression)
    {
        if (!_snapshots.TryGetValue(tableExpression.Name, out var clause))
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
            : _nextSelectIsFinalOperand || selectExpression.IsDistinct ? Projection.FinalCompared
            : Projection.Final);
        _nextSelectIsFinalOperand = false;
        try
        {
            return base.VisitSelect(selectExpression);
        }
        finally
        {
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

        var (before, after) = projection switch
        {
            Projection.Final => (_dialect.ToJsonFunction + "(", ")"),
            Projection.FinalCompared => (_dialect.ComparableToJsonFunction + "(", ")"),
            Projection.Written when !_write!.CreateTable => _dialect.XdmWriteConversion(_writeTable, WriteColumn(projectionExpression.Alias)),
            _ => ("", ""),
        };
        if (before.Length == 0 && after.Length == 0)
        {
            return base.VisitProjection(projectionExpression);
        }

        Sql.Append(before);
        Visit(projectionExpression.Expression);
        Sql.Append(after);
        if (projectionExpression.Alias.Length > 0)
        {
            Sql.Append(AliasSeparator).Append(Dependencies.SqlGenerationHelper.DelimitIdentifier(projectionExpression.Alias));
        }

        return projectionExpression;
    }

    // A nested column scaffolded as JSON text (column type json): to_json turns its struct into the text; a real json
    // column comes back unchanged.
    private static bool IsJsonTextColumn(SqlExpression expression)
        => expression is ColumnExpression { TypeMapping.StoreType: Scaffolding.QueryServiceDatabaseModelFactory.JsonStoreType };

    private string WriteColumn(string alias)
        => alias.Length > 0
            ? _write?.ColumnNames?.GetValueOrDefault(alias) ?? alias
            : throw new InvalidOperationException(
                "Every value a query writes needs a name, the column it goes to: project into named members (Select(x => new { Total = x.A * 2 })) or an entity type.");

    protected override void GenerateRootCommand(Expression queryExpression)
    {
        if (queryExpression is SelectExpression select && QueryWriteTarget.From(select.Tags) is { } write)
        {
            _write = write;
            _writeColumns = select.Projection.Select(p => WriteColumn(p.Alias)).ToList();
        }

        base.GenerateRootCommand(queryExpression);

        // A top-level set operation is written without the outer select's LIMIT/OFFSET step; the uncapped clause then
        // closes the whole statement, where it applies to the combined result.
        if (_withoutRowLimit && !_topLevelLimitWritten && _dialect.UncappedLimitClause is { } uncapped)
        {
            Sql.AppendLine().Append(uncapped);
        }
    }

    protected override void GenerateLimitOffset(SelectExpression selectExpression)
    {
        if (_finalProjection.Count == 1 && selectExpression.Limit is null && _withoutRowLimit && _dialect.UncappedLimitClause is { } uncapped)
        {
            Sql.AppendLine().Append(uncapped);
        }

        _topLevelLimitWritten |= _finalProjection.Count == 1 && (selectExpression.Limit is not null || _withoutRowLimit);
        base.GenerateLimitOffset(selectExpression);
    }

    protected override Expression VisitExtension(Expression extensionExpression)
    {
        switch (extensionExpression)
        {
            case XdmExplodeExpression explode:
                Sql.Append("(SELECT ").Append(_dialect.ExplodeFunction).Append("(");
                WriteXdmValue(explode.Array);
                Sql.Append(") AS ").Append(XdmExplodeExpression.ColumnName).Append(")").Append(AliasSeparator)
                    .Append(Dependencies.SqlGenerationHelper.DelimitIdentifier(explode.Alias));
                return explode;

            case XdmPathExpression path when _dialect.MapsAreJson && XdmTypeMappings.IsUnderMap(path.Root, _mapVariables):
                WriteJsonPath(path);
                return path;

            case XdmPathExpression path:
                WritePathBase(path.Root);
                foreach (var segment in path.Segments)
                {
                    Sql.Append(".").Append(_dialect.PathSegment(segment));
                }

                return path;

            case XdmIndexExpression index when _dialect.MapsAreJson && XdmTypeMappings.IsUnderMap(index, _mapVariables):
                Sql.Append("(");
                WriteXdmValue(index.Target);
                Sql.Append(" -> ");
                Visit(index.Index);
                Sql.Append(")");
                return index;

            case XdmIndexExpression index:
                WritePathBase(index.Target);
                Sql.Append("[");
                Visit(index.Index);
                if (!index.IsKey && _dialect.ArrayIndexBase != 0)
                {
                    Sql.Append(" + ").Append(_dialect.ArrayIndexBase.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

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

    // Below a JSON-stored map every step is a JSON operator; a leaf comes out as text and is cast to its type.
    private void WriteJsonPath(XdmPathExpression path)
    {
        var leaf = !XdmTypeMappings.IsXdm(path);
        var cast = leaf && path.Type != typeof(string) && path.TypeMapping is not null;
        Sql.Append(cast ? "CAST(" : "(");
        WriteXdmValue(path.Root);
        for (var i = 0; i < path.Segments.Count; i++)
        {
            Sql.Append(leaf && i == path.Segments.Count - 1 ? " ->> " : " -> ").Append(_dialect.TryWriteLiteral(path.Segments[i], null)!);
        }

        Sql.Append(cast ? $" AS {_dialect.CastTypeName(path.TypeMapping!.StoreType)})" : ")");
    }

    // A missing array has no element that matches (0, false), and a predicate that is unknown for an element does not
    // match: Spark's exists and size would answer NULL and -1, so they are guarded to give what the subqueries give.
    // A transform of a missing array is missing in both dialects.
    private void WriteArrayLambda(XdmArrayLambdaExpression lambda)
    {
        var variable = lambda.ElementName;
        var underMap = !_dialect.HasHigherOrderFunctions && _dialect.MapsAreJson && XdmTypeMappings.IsUnderMap(lambda.Array, _mapVariables);
        _lambdaVariables.Add(variable);
        if (underMap)
        {
            _mapVariables.Add(variable);
        }

        if (_dialect.HasHigherOrderFunctions)
        {
            WriteHigherOrderLambda(lambda);
        }
        else
        {
            WriteSubqueryLambda(lambda, underMap);
        }

        _mapVariables.Remove(variable);
        _lambdaVariables.Remove(variable);
    }

    private void WriteHigherOrderLambda(XdmArrayLambdaExpression lambda)
    {
        switch (lambda.Operation)
        {
            case XdmArrayOperation.Exists:
                WriteHigherOrderCall("coalesce(exists(", lambda, "coalesce(", ", FALSE)), FALSE)");
                break;
            case XdmArrayOperation.Count:
                Sql.Append("CASE WHEN ");
                WriteXdmValue(lambda.Array);
                WriteHigherOrderCall($" IS NULL THEN 0 ELSE {_dialect.ArraySizeFunction}(filter(", lambda, "coalesce(", ", FALSE))) END");
                break;
            default:
                WriteHigherOrderCall("transform(", lambda, "", ")");
                break;
        }
    }

    private void WriteSubqueryLambda(XdmArrayLambdaExpression lambda, bool underMap)
    {
        switch (lambda.Operation)
        {
            case XdmArrayOperation.Transform:
                Sql.Append("CASE WHEN ");
                WriteXdmValue(lambda.Array);
                Sql.Append(" IS NULL THEN NULL ELSE ARRAY(SELECT ");
                Visit(lambda.Body);
                WriteElementSource(lambda, underMap);

                // unnest and jsonb_array_elements produce the elements in order, and a plain scan keeps it.
                Sql.Append(") END");
                break;
            default:
                Sql.Append(lambda.Operation == XdmArrayOperation.Count ? "(SELECT count(*)" : "EXISTS (SELECT 1");
                WriteElementSource(lambda, underMap);
                Sql.Append(" WHERE ");
                Visit(lambda.Body);
                Sql.Append(")");
                break;
        }
    }

    private void WriteHigherOrderCall(string prefix, XdmArrayLambdaExpression lambda, string bodyPrefix, string suffix)
    {
        Sql.Append(prefix);
        WriteXdmValue(lambda.Array);
        Sql.Append($", {lambda.ElementName} -> ").Append(bodyPrefix);
        Visit(lambda.Body);
        Sql.Append(suffix);
    }

    private void WriteElementSource(XdmArrayLambdaExpression lambda, bool underMap)
    {
        Sql.Append(underMap ? " FROM jsonb_array_elements(" : " FROM unnest(");
        WriteXdmValue(lambda.Array);
        Sql.Append($") AS {lambda.ElementName}");
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

    private void WritePathBase(SqlExpression pathBase)
    {
        var parenthesize = _dialect.ParenthesizesPathBase;
        Sql.Append(parenthesize ? "(" : "");
        WriteXdmValue(pathBase);
        Sql.Append(parenthesize ? ")" : "");
    }

    protected override Expression VisitSqlUnary(SqlUnaryExpression sqlUnaryExpression)
    {
        // PostgreSQL calls a composite NULL when all its fields are; through JSON only a missing object is NULL, as in C#.
        if (sqlUnaryExpression.OperatorType is ExpressionType.Equal or ExpressionType.NotEqual && XdmTypeMappings.IsXdm(sqlUnaryExpression.Operand))
        {
            Sql.Append(_dialect.ToJsonFunction).Append("(");
            Visit(sqlUnaryExpression.Operand);
            Sql.Append(sqlUnaryExpression.OperatorType == ExpressionType.Equal ? ") IS NULL" : ") IS NOT NULL");
            return sqlUnaryExpression;
        }

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

        return _dialect.AllowsProviderLiterals
            ? base.VisitSqlConstant(sqlConstantExpression)
            : throw new NotSupportedException(
                $"A value of type {sqlConstantExpression.Value!.GetType().Name} cannot be written as a Query Service literal.");
    }

    // PostgreSQL subscripts a function's result only in parentheses: (regexp_match(...))[2].
    protected override bool RequiresParentheses(SqlExpression outerExpression, SqlExpression innerExpression)
        => (outerExpression is PgArrayIndexExpression && innerExpression is SqlFunctionExpression)
           || base.RequiresParentheses(outerExpression, innerExpression);

    protected override Expression VisitRegexMatch(PgRegexMatchExpression expression, bool negated = false)
    {
        if (_dialect.RegexMatchOperator is not { } match)
        {
            return base.VisitRegexMatch(expression, negated);
        }

        // Java regular expressions, like .NET's, keep '.' off newlines by default; the options become inline flags.
        var flags = (expression.Options.HasFlag(RegexOptions.IgnoreCase) ? "i" : "")
                    + (expression.Options.HasFlag(RegexOptions.Multiline) ? "m" : "")
                    + (expression.Options.HasFlag(RegexOptions.Singleline) ? "s" : "")
                    + (expression.Options.HasFlag(RegexOptions.IgnorePatternWhitespace) ? "x" : "");
        Sql.Append(negated ? "NOT (" : "(");
        Visit(expression.Match);
        Sql.Append(match);
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
            { OperatorType: ExpressionType.ExclusiveOr } when binaryExpression.Type != typeof(bool) => _dialect.ExclusiveOrOperator,
            { OperatorType: ExpressionType.Divide } when IsInteger(binaryExpression.Left.Type) && IsInteger(binaryExpression.Right.Type)
                => _dialect.IntegerDivideOperator,
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
        FinalCompared,
        Written,
    }
}

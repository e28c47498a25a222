using QueryServiceOrm.Sandbox.Sql.Syntax;

namespace QueryServiceOrm.Sandbox.Sql.Translation;

// explode, posexplode, inline (and their _outer forms), stack, json_tuple, range: Spark's column names (col, pos, key,
// value, col0..), the elements in their array's order.
internal sealed partial class QueryTranslator
{
    private GeneratorSql Generator(CallExpr call, Scope scope, IReadOnlyList<Identifier> aliases)
    {
        var name = call.Name.ToLowerInvariant().Replace("_outer", "", StringComparison.Ordinal);
        var generator = name switch
        {
            "explode" or "posexplode" => Explode(call, scope, withPosition: name == "posexplode"),
            "inline" => Inline(call, scope),
            "stack" => Stack(call, scope),
            "json_tuple" => JsonTuple(call, scope),
            "range" => Range(call, scope),
            "history_meta" => HistoryMeta(call),
            _ => throw new ServiceErrorException(ServiceRules.FunctionNotFound(call.Name)),
        };
        if (aliases.Count == 0)
        {
            return generator;
        }

        if (aliases.Count != generator.Columns.Count)
        {
            throw new ServiceErrorException(ServiceRules.Analysis(
                $"The number of aliases supplied in the AS clause does not match the number of columns output by the UDTF: expected "
                + $"{generator.Columns.Count} aliases but got {string.Join(",", aliases)}"));
        }

        // Renamed on the way out of the generator's own subquery.
        var alias = _context.NewAlias("r");
        var renamed = generator.Columns.Select((c, i) => c with { Name = aliases[i].Value }).ToList();
        var select = string.Join(
            ", ", generator.Columns.Select((c, i) => $"{alias}.{PgSql.Identifier(c.Name)} AS {PgSql.Identifier(renamed[i].Name)}"));
        return new GeneratorSql($"(SELECT {select} FROM {generator.Sql} AS {alias})", renamed);
    }

    private TypedSql Argument(CallExpr call, int index, Scope scope, string expected)
        => index < call.Arguments.Count
            ? Expressions.Translate(call.Arguments[index], scope)
            : throw new ServiceErrorException(ServiceRules.WrongArguments(call.Name, expected));

    private GeneratorSql Explode(CallExpr call, Scope scope, bool withPosition)
    {
        var value = Argument(call, 0, scope, "one array or map");
        var e = _context.NewAlias("x");
        var position = withPosition ? $"({e}.o - 1)::integer AS \"pos\", " : "";
        var positionColumn = withPosition ? new[] { new OutputColumn("pos", SparkType.Int) } : [];
        switch (value.Type)
        {
            case ArrayType array:
                var element = Expressions.Native(new TypedSql($"{e}.v", array.Element, value.HeldAsJson));
                return new GeneratorSql(
                    $"(SELECT {position}{element.Text} AS \"col\" FROM {ExpressionTranslator.Elements(value, e, "o")} ORDER BY {e}.o)",
                    [.. positionColumn, new OutputColumn("col", array.Element)]);
            case MapType map:
                var key = Expressions.Cast(new TypedSql($"{e}.key", SparkType.String), map.Key, 0);
                var mapValue = Expressions.Native(new TypedSql($"{e}.value", map.Value, IsJson: true));
                var ordinal = withPosition ? $"(row_number() OVER () - 1)::integer AS \"pos\", " : "";
                return new GeneratorSql(
                    $"(SELECT {ordinal}{key.Text} AS \"key\", {mapValue.Text} AS \"value\" FROM jsonb_each({value.Text}) AS {e})",
                    [.. positionColumn, new OutputColumn("key", map.Key), new OutputColumn("value", map.Value)]);
            default:
                throw new ServiceErrorException(ServiceRules.WrongArguments(call.Name, $"an array or a map, not {value.Type}"));
        }
    }

    private GeneratorSql Inline(CallExpr call, Scope scope)
    {
        var value = Argument(call, 0, scope, "an array of structs");
        if (value.Type is not ArrayType { Element: StructType element })
        {
            throw new ServiceErrorException(ServiceRules.WrongArguments(call.Name, $"an array of structs, not {value.Type}"));
        }

        var e = _context.NewAlias("x");
        var item = new TypedSql($"{e}.v", element, value.HeldAsJson);
        var fields = element.Fields.Select(
            f => $"{Expressions.Native(Expressions.Field(item, f.Name, 0)).Text} AS {PgSql.Identifier(f.Name)}");
        return new GeneratorSql(
            $"(SELECT {string.Join(", ", fields)} FROM {ExpressionTranslator.Elements(value, e, "o")} ORDER BY {e}.o)",
            element.Fields.Select(f => new OutputColumn(f.Name, f.Type)).ToList());
    }

    // stack(n, v1, ..., vk): n rows of ceil(k / n) columns, col0, col1, ...; missing values are NULL.
    private GeneratorSql Stack(CallExpr call, Scope scope)
    {
        if (call.Arguments.Count < 2
            || call.Arguments[0] is not NumberLiteral { Suffix: "" } count
            || !int.TryParse(count.Digits, out var rows)
            || rows < 1)
        {
            throw new ServiceErrorException(ServiceRules.WrongArguments(call.Name, "a positive integer constant, then the values"));
        }

        var values = call.Arguments.Skip(1).Select(a => Expressions.Native(Expressions.Translate(a, scope))).ToList();
        var width = (values.Count + rows - 1) / rows;
        var grid = Enumerable.Range(0, rows)
            .Select(
                r => Enumerable.Range(0, width).Select(c => r * width + c < values.Count ? values[r * width + c] : TypedSql.Null).ToList())
            .ToList();
        var types = Enumerable.Range(0, width).Select(c => Expressions.CommonType(grid.Select(r => r[c]).ToList(), call)).ToList();
        var names = Enumerable.Range(0, width).Select(c => $"col{c}").ToList();
        var sql = "VALUES " + string.Join(
            ", ", grid.Select(r => "(" + string.Join(", ", r.Select((v, c) => Expressions.Coerce(v, types[c]).Text)) + ")"));
        var alias = _context.NewAlias("stack");
        return new GeneratorSql(
            $"(SELECT * FROM ({sql}) AS {alias}({string.Join(", ", names.Select(PgSql.Identifier))}))",
            names.Select((n, c) => new OutputColumn(n, types[c])).ToList());
    }

    // json_tuple(json, 'a', 'b'): one row of strings c0, c1, ...; NULL where the text is no JSON object or lacks the field.
    private GeneratorSql JsonTuple(CallExpr call, Scope scope)
    {
        var json = Expressions.AsString(Argument(call, 0, scope, "a JSON string and field names"));
        var fields = call.Arguments.Skip(1).Select(a => Expressions.AsString(Expressions.Translate(a, scope)).Text).ToList();
        var values = fields.Select((f, i) => $"{PgSql.Call("json_field", json.Text, f)} AS \"c{i}\"");
        return new GeneratorSql(
            $"(SELECT {string.Join(", ", values)})", fields.Select((_, i) => new OutputColumn($"c{i}", SparkType.String)).ToList());
    }

    // history_meta('t'): the table named by a string, as Adobe's time-travel page calls it.
    private GeneratorSql HistoryMeta(CallExpr call)
    {
        var name = call.Arguments is [StringLiteral { Value: var table }]
            ? table
            : throw new ServiceErrorException(ServiceRules.WrongArguments(call.Name, "the table's name as a string"));
        var found = _context.Catalog.Find(name.Split('.')) ?? throw new ServiceErrorException(ServiceRules.TableNotFound(name));
        return Snapshots.History(found);
    }

    // range(end), range(start, end[, step]): ids from start (0) up to end, excluded, as bigints.
    private GeneratorSql Range(CallExpr call, Scope scope)
    {
        var arguments = call.Arguments.Select(a => Expressions.Coerce(Expressions.Translate(a, scope), SparkType.Long).Text).ToList();
        var (start, end, step) = arguments.Count switch
        {
            1 => ("0::bigint", arguments[0], "1::bigint"),
            2 => (arguments[0], arguments[1], "1::bigint"),
            3 or 4 => (arguments[0], arguments[1], arguments[2]),
            _ => throw new ServiceErrorException(ServiceRules.WrongArguments(call.Name, "end, or start, end and step")),
        };
        var g = _context.NewAlias("id");
        return new GeneratorSql(
            $"(SELECT {g} AS \"id\" FROM generate_series({start}, {end}, {step}) AS {g} WHERE {g} <> {end})",
            [new OutputColumn("id", SparkType.Long)]);
    }
}

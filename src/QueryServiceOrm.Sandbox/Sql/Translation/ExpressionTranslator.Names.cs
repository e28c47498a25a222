using QueryServiceOrm.Sandbox.Sql.Syntax;

namespace QueryServiceOrm.Sandbox.Sql.Translation;

// Names: lambda variables, table.column, column.field.field (dot paths), and correlated references to enclosing queries.
internal sealed partial class ExpressionTranslator
{
    private TypedSql Resolve(NameExpr name, Scope scope)
    {
        var parts = name.Parts.Select(p => p.Value).ToList();
        for (var level = scope; level is not null; level = level.Parent)
        {
            if (level.Variables.TryGetValue(parts[0], out var variable))
            {
                return Fields(variable, parts, 1, name);
            }

            if (ResolveInLevel(level, parts, name) is { } resolved)
            {
                return resolved;
            }
        }

        throw Error(
            ServiceRules.ColumnNotFound(string.Join(".", parts.Select(p => $"`{p}`")), scope.VisibleColumns.Select(c => c.Name).Distinct()),
            name);
    }

    // Spark's order: the longest qualifier that names a relation of this level, then a column of this level with fields after it.
    private TypedSql? ResolveInLevel(Scope level, List<string> parts, NameExpr at)
    {
        for (var qualifierLength = Math.Min(parts.Count - 1, 3); qualifierLength >= 1; qualifierLength--)
        {
            var qualifier = parts.Take(qualifierLength).ToList();
            var matches = level.Relations.Where(r => r.QualifiedBy(qualifier) && r.Column(parts[qualifierLength]) is not null).ToList();
            if (matches.Count > 1)
            {
                throw Error(ServiceRules.Ambiguous(string.Join(".", parts)), at);
            }

            if (matches.Count == 1)
            {
                var column = matches[0].Column(parts[qualifierLength])!;
                return Fields(new TypedSql(column.Sql, column.Type), parts, qualifierLength + 1, at);
            }
        }

        // A column merged by USING resolves to the merged value, not to either side's.
        var candidates = level.Relations.Where(r => !r.Hidden)
            .Select(r => (Relation: r, Column: r.Column(parts[0])))
            .Where(m => m.Column is not null && !m.Relation.MergedColumns.Contains(m.Column.Name)).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        if (candidates.Count > 1)
        {
            throw Error(ServiceRules.Ambiguous(parts[0]), at);
        }

        var found = candidates[0].Column!;
        return Fields(new TypedSql(found.Sql, found.Type), parts, 1, at);
    }

    private TypedSql Fields(TypedSql value, List<string> parts, int start, Node at)
    {
        for (var i = start; i < parts.Count; i++)
        {
            value = Field(value, parts[i], at.Position);
        }

        return value;
    }

    /// <summary>
    /// A field of a struct (<c>s.f</c>), the fields of an array's structs (<c>arr.f</c>, an array), or a map's value by key.
    /// </summary>
    public TypedSql Field(TypedSql value, string name, int position)
    {
        switch (value.Type)
        {
            case StructType s:
                var field = s.Field(name) ?? throw new ServiceErrorException(ServiceRules.NoSuchField(name, s.Fields.Select(f => f.Name)));
                return value.HeldAsJson
                    ? new TypedSql($"({value.Text} -> {PgSql.Literal(field.Name)})", field.Type, IsJson: true)
                    : new TypedSql($"({value.Text}).{PgSql.Identifier(field.Name)}", field.Type);
            case ArrayType { Element: StructType element } array:
                var inner = element.Field(name)
                    ?? throw new ServiceErrorException(ServiceRules.NoSuchField(name, element.Fields.Select(f => f.Name)));
                return Transform(value, new ArrayType(inner.Type), e => Field(e, inner.Name, position));
            case MapType map:
                return MapValue(value, new TypedSql(PgSql.Literal(name), SparkType.String), map);
            case AtomicType { SparkName: "unknown" }:
                return new TypedSql($"({value.Text}).{PgSql.Identifier(name)}", SparkType.Unknown);
            default:
                throw new ServiceErrorException(
                    ServiceRules.Analysis($"Can't extract value from {value.Text}: need struct type but got {value.Type}"));
        }
    }

    private TypedSql Subscript(TypedSql value, Expr indexExpression, Scope scope, int position)
    {
        var index = Translate(indexExpression, scope);
        switch (value.Type)
        {
            case ArrayType array when value.HeldAsJson:
                var jsonIndex = Coerce(index, SparkType.Int).Text;
                return new TypedSql($"(CASE WHEN {jsonIndex} >= 0 THEN {value.Text} -> {jsonIndex} END)", array.Element, IsJson: true);
            case ArrayType array:
                // 0-based, NULL past either end (PostgreSQL's arrays are 1-based and NULL outside their bounds too).
                return new TypedSql($"({value.Text})[{Coerce(index, SparkType.Int).Text} + 1]", array.Element);
            case MapType map:
                return MapValue(value, index, map);
            case StructType when indexExpression is StringLiteral field:
                return Field(value, field.Value, position);
            default:
                throw new ServiceErrorException(ServiceRules.Analysis($"The value of type {value.Type} cannot be indexed with []"));
        }
    }

    /// <summary>A map's value for a key (NULL when absent); the value stays JSON until something needs it native.</summary>
    public TypedSql MapValue(TypedSql map, TypedSql key, MapType type)
        => new($"({map.Text} -> {MapKey(key, type.Key)})", type.Value, IsJson: true);

    /// <summary>A key as the JSON object key that holds it.</summary>
    public string MapKey(TypedSql key, SparkType keyType) => AsString(Coerce(key, keyType)).Text;

    /// <summary>
    /// Applies a function to each element of an array, keeping NULL for a NULL array and the elements' order
    /// (<c>transform</c>, and dot paths through arrays of structs).
    /// </summary>
    public TypedSql Transform(
        TypedSql array, ArrayType result, Func<TypedSql, TypedSql> map, bool withIndex = false,
        Func<TypedSql, TypedSql, TypedSql>? indexed = null)
    {
        var element = Context.NewAlias("e");
        var ordinal = Context.NewAlias("o");
        var type = (ArrayType)array.Type;
        var source = Elements(array, element, ordinal);
        var item = new TypedSql($"{element}.v", type.Element, IsJson: array.HeldAsJson);
        var mapped = indexed is not null ? indexed(item, new TypedSql($"({element}.{ordinal} - 1)::integer", SparkType.Int)) : map(item);
        var value = result.IsJsonBacked ? ToJson(mapped) : Coerce(Native(mapped), result.Element).Text;
        var aggregate = result.IsJsonBacked
            ? $"coalesce(jsonb_agg({value} ORDER BY {element}.{ordinal}), '[]'::jsonb)"
            : $"ARRAY(SELECT {value} FROM {source} ORDER BY {element}.{ordinal})";
        var sql = result.IsJsonBacked
            ? $"(SELECT {aggregate} FROM {source})"
            : aggregate;
        return new TypedSql($"(CASE WHEN {array.Text} IS NULL THEN NULL ELSE {sql} END)", result);
    }

    /// <summary>
    /// The FROM item that turns an array into rows <c>alias(v, ordinal)</c>, in order: <c>unnest</c> for a native array (in a
    /// select list, where an element that is a composite stays one value), <c>jsonb_array_elements</c> for one held as JSON.
    /// </summary>
    public static string Elements(TypedSql array, string alias, string ordinal)
        => array.HeldAsJson
            ? $"jsonb_array_elements(CASE WHEN jsonb_typeof({array.Text}) = 'array' THEN {array.Text} END) WITH ORDINALITY AS {alias}(v, "
                + $"{ordinal})"
            : $"(SELECT unnest({array.Text}) AS v, generate_subscripts({array.Text}, 1) AS {ordinal}) AS {alias}";
}

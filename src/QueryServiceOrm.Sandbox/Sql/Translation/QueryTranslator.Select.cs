using QueryServiceOrm.Sandbox.Sql.Syntax;

namespace QueryServiceOrm.Sandbox.Sql.Translation;

// SELECT: the FROM tree, generators in the select list (turned into lateral joins, as Spark's analyzer does), *, WHERE,
// GROUP BY (ordinals, aliases, grouping analytics, ALL), HAVING, WINDOW.
internal sealed partial class QueryTranslator
{
    private BodyResult Select(SelectBody select, Scope? outer, QueryRole role, IReadOnlyList<WindowDefinition> queryWindows)
    {
        var scope = new Scope(outer);
        var from = select.From.Count == 0
            ? null
            : string.Join(" CROSS JOIN ", select.From.Select(r => Relation(r, scope, scope.Relations)));
        var items = new List<(string Name, TypedSql Value, Expr? Source)>();
        foreach (var item in select.Items)
        {
            if (item.Value is StarExpr star)
            {
                items.AddRange(Star(star, scope).Select(c => (c.Name, new TypedSql(c.Sql, c.Type), (Expr?)null)));
            }
            else if (item.Value is CallExpr call && Generators.IsGenerator(call.Name))
            {
                var generator = Generator(call, scope, item.Aliases);
                var alias = _context.NewAlias("g");
                var lateral = Generators.IsOuter(call.Name)
                    ? $"LEFT JOIN LATERAL {generator.Sql} AS {alias} ON TRUE"
                    : $"CROSS JOIN LATERAL {generator.Sql} AS {alias}";
                from = from is null ? $"(SELECT 1) AS {_context.NewAlias("one")} {lateral}" : $"{from} {lateral}";
                items.AddRange(
                    generator.Columns.Select(c => (c.Name, new TypedSql($"{alias}.{PgSql.Identifier(c.Name)}", c.Type), (Expr?)null)));
            }
            else
            {
                var name = item.Aliases.Count > 0 ? item.Aliases[0].Value : SparkNames.Of(item.Value);
                items.Add((name, Expressions.Translate(item.Value, scope), item.Value));
                if (item.Aliases.Count > 0)
                {
                    scope.Aliases.TryAdd(name, item.Value);
                }
            }
        }

        var where = select.Where is null
            ? ""
            : " WHERE " + Expressions.Coerce(Expressions.Translate(select.Where, scope), SparkType.Boolean).Text;
        var groupBy = select.GroupBy is null ? "" : " GROUP BY " + GroupBy(select.GroupBy, items, scope);
        var having = select.Having is null
            ? ""
            : " HAVING " + Expressions.Coerce(Expressions.Translate(select.Having, scope), SparkType.Boolean).Text;
        var windows = select.Windows.Concat(queryWindows).ToList();
        var window = windows.Count == 0
            ? ""
            : " WINDOW " + string.Join(", ", windows.Select(w => $"{PgSql.Identifier(w.Name.Value)} AS ({Window(w.Spec, scope)})"));
        var forClient = role == QueryRole.Client && !select.Distinct;
        var list = items.Count == 0
            ? throw new ServiceErrorException(ServiceRules.Analysis("A select list may not be empty"))
            : string.Join(
                ", ",
                items.Select(
                    i => $"{(forClient ? ClientValue(i.Value) : Expressions.Native(i.Value).Text)} AS {PgSql.Identifier(i.Name)}"));
        var sql =
            $"SELECT {(select.Distinct ? "DISTINCT " : "")}{list}{(from is null ? "" : " FROM " + from)}{where}{groupBy}{having}{window}";
        var columns = items.Select(i => new OutputColumn(i.Name, i.Value.Type)).ToList();
        return new BodyResult(sql, columns, scope, ClientReady: forClient);
    }

    // * and t.*: the columns of every visible relation (or those qualified by t); columns merged by USING come once, first.
    private IEnumerable<ScopeColumn> Star(StarExpr star, Scope scope)
    {
        var qualifier = star.Qualifier.Select(q => q.Value).ToList();
        var relations = scope.Relations.Where(r => !r.Hidden && (qualifier.Count == 0 ? true : r.QualifiedBy(qualifier))).ToList();
        if (qualifier.Count > 0 && relations.Count == 0)
        {
            throw new ServiceErrorException(ServiceRules.Analysis($"cannot resolve '{string.Join(".", qualifier)}.*' given input columns"));
        }

        if (relations.Count == 0)
        {
            throw new ServiceErrorException(ServiceRules.Analysis("Invalid usage of '*': there is no FROM clause"));
        }

        return relations.SelectMany(r => r.Columns.Where(c => qualifier.Count > 0 || !r.MergedColumns.Contains(c.Name)));
    }

    private string GroupBy(GroupBy groupBy, IReadOnlyList<(string Name, TypedSql Value, Expr? Source)> items, Scope scope)
    {
        if (groupBy.All)
        {
            var keys = items.Where(i => i.Source is null || !SparkFunctions.ContainsAggregate(i.Source))
                .Select(i => Expressions.Native(i.Value).Text)
                .ToList();
            return keys.Count == 0 ? "()" : string.Join(", ", keys);
        }

        return string.Join(", ", groupBy.Elements.Select(e => e switch
        {
            GroupingExpression g => GroupingKey(g.Value, items, scope),
            GroupingAnalytics a when a.Kind == "GROUPING SETS"
                => $"GROUPING SETS ({string.Join(
                    ", ", a.Sets.Select(set => "(" + string.Join(", ", set.Select(v => GroupingKey(v, items, scope))) + ")"))})",
            GroupingAnalytics a
                => $"{a.Kind} ({string.Join(
                    ", ", a.Sets.Select(set => string.Join(", ", set.Select(v => GroupingKey(v, items, scope)))))})",
            _ => throw new ArgumentOutOfRangeException(nameof(groupBy)),
        }));
    }

    // An ordinal is a select item's position (Spark's groupByOrdinal); a name that is no column but a select alias stands for
    // the aliased expression (groupByAliases).
    private string GroupingKey(Expr key, IReadOnlyList<(string Name, TypedSql Value, Expr? Source)> items, Scope scope)
    {
        if (key is NumberLiteral { Suffix: "" } ordinal && int.TryParse(ordinal.Digits, out var position))
        {
            return position >= 1 && position <= items.Count
                ? Expressions.Native(items[position - 1].Value).Text
                : throw new ServiceErrorException(ServiceRules.Analysis($"GROUP BY position {position} is not in the select list"));
        }

        if (key is NameExpr { Parts.Count: 1 } name
            && !scope.VisibleColumns.Any(c => c.Name.Equals(name.Parts[0].Value, StringComparison.OrdinalIgnoreCase))
            && items.FirstOrDefault(i => i.Name.Equals(name.Parts[0].Value, StringComparison.OrdinalIgnoreCase))
                is { Source: not null } aliased)
        {
            return Expressions.Native(aliased.Value).Text;
        }

        return Expressions.Native(Expressions.Translate(key, scope)).Text;
    }

    /// <summary>A window specification: a named window, partitions, ordering (with Spark's null order) and frame.</summary>
    public string Window(WindowSpec spec, Scope scope)
    {
        var parts = new List<string>();
        if (spec.Name is not null)
        {
            parts.Add(PgSql.Identifier(spec.Name));
        }

        if (spec.PartitionBy.Count > 0)
        {
            parts.Add(
                "PARTITION BY " + string.Join(
                    ", ", spec.PartitionBy.Select(p => Expressions.Native(Expressions.Translate(p, scope)).Text)));
        }

        if (spec.OrderBy.Count > 0)
        {
            parts.Add("ORDER BY " + string.Join(", ", spec.OrderBy.Select(o =>
                $"{Expressions.Native(Expressions.Translate(o.Value, scope)).Text}{(o.Descending ? " DESC" : " ASC")} NULLS "
                + $"{((o.NullsFirst ?? !o.Descending) ? "FIRST" : "LAST")}")));
        }

        if (spec.Frame is not null)
        {
            parts.Add(spec.Frame);
        }

        return string.Join(" ", parts);
    }
}

using QueryServiceOrm.Sandbox.Sql.Syntax;

namespace QueryServiceOrm.Sandbox.Sql.Translation;

// FROM: tables (with snapshots), CTEs, subqueries, inline tables, table functions, joins (SEMI and ANTI as lateral EXISTS
// tests, USING and NATURAL merged as Spark merges them), LATERAL VIEW.
internal sealed partial class QueryTranslator
{
    // `scope` resolves what a lateral relation refers to (the relations to its left); `target` receives the relations made.
    private string Relation(Relation relation, Scope scope, List<ScopeRelation> target)
        => relation switch
        {
            TableRelation table => Table(table, target),
            SubqueryRelation subquery => Subquery(subquery, scope, target),
            ValuesRelation values => InlineTable(values, scope, target),
            FunctionRelation function => TableFunction(function, scope, target),
            JoinRelation join => Join(join, scope, target),
            LateralViewRelation view => LateralView(view, scope, target),
            NestedRelation nested => NestedRelation(nested, scope, target),
            _ => throw new ArgumentOutOfRangeException(nameof(relation)),
        };

    // What a relation to the right of others sees: the enclosing relations and those to its left.
    private static Scope Visible(Scope scope, IEnumerable<ScopeRelation> left)
    {
        var visible = new Scope(scope.Parent);
        visible.Relations.AddRange(scope.Relations);
        visible.Relations.AddRange(left.Except(scope.Relations));
        return visible;
    }

    private string Table(TableRelation table, List<ScopeRelation> target)
    {
        var names = table.Name.Select(n => n.Value).ToList();
        var qualifier = table.Alias is { } a ? [a.Name.Value] : names;
        var alias = _context.NewAlias(Aliasable(names[^1]));
        if (names.Count == 1 && _context.Cte(names[0]) is { } cte)
        {
            if (table.Snapshot is not null)
            {
                throw new ServiceErrorException(ServiceRules.Analysis("A SNAPSHOT clause works on a table, not on a CTE"));
            }

            AddRelation(target, qualifier, table.Alias, cte.Columns, alias);
            return $"{PgSql.Identifier(cte.Name)} AS {alias}{ColumnAliases(table.Alias)}";
        }

        var found = _context.Catalog.Find(names) ?? throw new ServiceErrorException(ServiceRules.TableNotFound(string.Join(".", names)));
        AddRelation(
            target, table.Alias is null ? [found.Schema, found.Name] : qualifier, table.Alias,
            found.Columns.Select(c => new OutputColumn(c.Name, c.Type)).ToList(), alias);
        var source = table.Snapshot is null ? found.Sql : Snapshots.Filter(found, table.Snapshot, Expressions);
        return $"{source} AS {alias}{ColumnAliases(table.Alias)}";
    }

    private static string ColumnAliases(RelationAlias? alias)
        => alias is { Columns.Count: > 0 } ? "(" + string.Join(", ", alias.Columns.Select((_, i) => $"\"c{i + 1}\"")) + ")" : "";

    private static string Aliasable(string name)
    {
        var letters = new string(name.Where(char.IsAsciiLetterOrDigit).Take(20).ToArray()).ToLowerInvariant();
        return letters.Length == 0 || char.IsAsciiDigit(letters[0]) ? "t" + letters : letters;
    }

    // A relation's columns under the front's alias, renamed by the Spark alias's column list if it has one.
    private static void AddRelation(
        List<ScopeRelation> target, IReadOnlyList<string> qualifier, RelationAlias? sparkAlias, IReadOnlyList<OutputColumn> columns,
        string alias)
    {
        if (sparkAlias is { Columns.Count: > 0 } renamed)
        {
            if (renamed.Columns.Count != columns.Count)
            {
                throw new ServiceErrorException(
                    ServiceRules.Analysis(
                        $"The alias {sparkAlias.Name} names {renamed.Columns.Count} columns for a relation of {columns.Count}"));
            }
        }

        target.Add(new ScopeRelation(
            qualifier,
            columns.Select((c, i) => new ScopeColumn(
                sparkAlias is { Columns.Count: > 0 } r ? r.Columns[i].Value : c.Name,
                c.Type,
                $"{alias}.{PgSql.Identifier(sparkAlias is { Columns.Count: > 0 } ? $"c{i + 1}" : c.Name)}")).ToList()));
    }

    private string Subquery(SubqueryRelation subquery, Scope scope, List<ScopeRelation> target)
    {
        var query = Translate(subquery.Query, subquery.Lateral ? scope : scope.Parent);
        var alias = _context.NewAlias(subquery.Alias is null ? "subquery" : Aliasable(subquery.Alias.Name.Value));
        return Derived(target, subquery.Alias, query, alias, subquery.Lateral);
    }

    // A derived table under the front's alias; with a Spark column list its columns are renamed c1, c2, ... on the backend.
    private static string Derived(List<ScopeRelation> target, RelationAlias? sparkAlias, TranslatedQuery query, string alias, bool lateral)
    {
        AddRelation(target, sparkAlias is null ? [] : [sparkAlias.Name.Value], sparkAlias, query.Columns, alias);
        var columns = sparkAlias is { Columns.Count: > 0 }
            ? "(" + string.Join(", ", query.Columns.Select((_, i) => $"\"c{i + 1}\"")) + ")"
            : "";
        return $"{(lateral ? "LATERAL " : "")}({query.Sql}) AS {alias}{columns}";
    }

    private string InlineTable(ValuesRelation values, Scope scope, List<ScopeRelation> target)
    {
        var (sql, columns) = ValuesSql(values.Rows, new Scope(scope.Parent));
        var alias = _context.NewAlias(values.Alias is null ? "values" : Aliasable(values.Alias.Name.Value));
        var names = values.Alias is { Columns.Count: > 0 } a
            ? a.Columns.Select(c => c.Value).ToList()
            : columns.Select(c => c.Name).ToList();
        if (names.Count != columns.Count)
        {
            throw new ServiceErrorException(
                ServiceRules.Analysis($"The inline table has {columns.Count} columns, and its alias names {names.Count}"));
        }

        var renamed = columns.Select((c, i) => c with { Name = names[i] }).ToList();
        AddRelation(target, values.Alias is null ? [] : [values.Alias.Name.Value], null, renamed, alias);
        return $"({sql}) AS {alias}({string.Join(", ", renamed.Select(c => PgSql.Identifier(c.Name)))})";
    }

    private string TableFunction(FunctionRelation function, Scope scope, List<ScopeRelation> target)
    {
        var generator = Generator(function.Call, scope, function.Alias?.Columns ?? []);
        var alias = _context.NewAlias("f");
        AddRelation(target, function.Alias is null ? [] : [function.Alias.Name.Value], null, generator.Columns, alias);
        return Generators.IsOuter(function.Call.Name)
            ? $"(SELECT 1) AS {_context.NewAlias("one")} LEFT JOIN LATERAL {generator.Sql} AS {alias} ON TRUE"
            : $"LATERAL {generator.Sql} AS {alias}";
    }

    private string LateralView(LateralViewRelation view, Scope scope, List<ScopeRelation> target)
    {
        var sources = new List<ScopeRelation>();
        var source = Relation(view.Source, scope, sources);
        var generator = Generator(view.Generator, Visible(scope, sources), view.Columns);
        var alias = _context.NewAlias(Aliasable(view.Alias.Value));
        target.AddRange(sources);
        AddRelation(target, [view.Alias.Value], null, generator.Columns, alias);
        return view.Outer || Generators.IsOuter(view.Generator.Name)
            ? $"{source} LEFT JOIN LATERAL {generator.Sql} AS {alias} ON TRUE"
            : $"{source} CROSS JOIN LATERAL {generator.Sql} AS {alias}";
    }

    private string NestedRelation(NestedRelation nested, Scope scope, List<ScopeRelation> target)
    {
        var inner = new List<ScopeRelation>();
        var sql = Relation(nested.Inner, scope, inner);
        if (nested.Alias is null)
        {
            target.AddRange(inner);
            return "(" + sql + ")";
        }

        var alias = _context.NewAlias(Aliasable(nested.Alias.Name.Value));
        var columns = inner.SelectMany(r => r.Columns.Where(c => !r.MergedColumns.Contains(c.Name))).ToList();
        var select = string.Join(", ", columns.Select((c, i) => $"{Expressions.Native(new TypedSql(c.Sql, c.Type)).Text} AS \"c{i + 1}\""));
        target.Add(
            new ScopeRelation(
                [nested.Alias.Name.Value], columns.Select((c, i) => new ScopeColumn(c.Name, c.Type, $"{alias}.\"c{i + 1}\"")).ToList()));
        return $"(SELECT {select} FROM {sql}) AS {alias}";
    }

    private string Join(JoinRelation join, Scope scope, List<ScopeRelation> target)
    {
        var leftRelations = new List<ScopeRelation>();
        var left = Relation(join.Left, scope, leftRelations);
        var visible = Visible(scope, leftRelations);
        var rightRelations = new List<ScopeRelation>();
        var right = Relation(join.Right, visible, rightRelations);
        var merged = join.Natural ? NaturalColumns(leftRelations, rightRelations) : join.Using?.Select(u => u.Value).ToList();
        if (join.Kind is "SEMI" or "ANTI")
        {
            target.AddRange(leftRelations);
            return SemiJoin(join, visible, left, right, rightRelations, merged);
        }

        var joined = Visible(visible, rightRelations);
        string sql;
        if (merged is not null)
        {
            sql = left + $" {JoinKeyword(join.Kind)} {right} ON " + Merge(joined, leftRelations, rightRelations, merged, join.Kind);
        }
        else if (join.Kind == "CROSS" || join.On is null)
        {
            sql = join.Kind is "CROSS" or "INNER" ? $"{left} CROSS JOIN {right}" : $"{left} {JoinKeyword(join.Kind)} {right} ON TRUE";
        }
        else
        {
            var on = Expressions.Coerce(Expressions.Translate(join.On, joined), SparkType.Boolean).Text;
            sql = $"{left} {JoinKeyword(join.Kind)} {right} ON {on}";
        }

        target.AddRange(joined.Relations.Except(scope.Relations));
        return sql;
    }

    private static string JoinKeyword(string kind)
        => kind switch { "LEFT" => "LEFT JOIN", "RIGHT" => "RIGHT JOIN", "FULL" => "FULL JOIN", _ => "JOIN" };

    // a LEFT SEMI JOIN b ON c keeps a's rows that have a match, and only a's columns: a lateral EXISTS test (NOT EXISTS for ANTI).
    private string SemiJoin(
        JoinRelation join, Scope visible, string left, string right, List<ScopeRelation> rightRelations, List<string>? merged)
    {
        var condition = Visible(visible, rightRelations);
        var on = merged is not null
            ? string.Join(
                " AND ",
                merged.Select(
                    name => Expressions.Comparison("=", Single(visible.Relations, name), Single(rightRelations, name), join).Text))
            : join.On is null ? "TRUE" : Expressions.Coerce(Expressions.Translate(join.On, condition), SparkType.Boolean).Text;
        var test = join.Kind == "SEMI" ? "EXISTS" : "NOT EXISTS";
        return $"{left} CROSS JOIN LATERAL (SELECT 1 WHERE {test} (SELECT 1 FROM {right} WHERE {on})) AS "
            + $"{_context.NewAlias(join.Kind.ToLowerInvariant())}";
    }

    private static List<string> NaturalColumns(IEnumerable<ScopeRelation> left, IEnumerable<ScopeRelation> right)
    {
        var rightNames = right.SelectMany(r => r.Columns).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return left.SelectMany(r => r.Columns)
            .Select(c => c.Name)
            .Where(rightNames.Contains)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    // USING (c): the join condition, and one merged column c that unqualified names and * see (COALESCE for a FULL join).
    private string Merge(Scope scope, List<ScopeRelation> left, List<ScopeRelation> right, List<string> names, string kind)
    {
        var conditions = new List<string>();
        var columns = new List<ScopeColumn>();
        foreach (var name in names)
        {
            var l = Single(left, name);
            var r = Single(right, name);
            conditions.Add(Expressions.Comparison("=", l, r, new NullLiteral()).Text);
            var type = SparkTypes.Common(l.Type, r.Type) ?? l.Type;
            var value = kind switch
            {
                "RIGHT" => Expressions.Coerce(r, type).Text,
                "FULL" => $"COALESCE({Expressions.Coerce(l, type).Text}, {Expressions.Coerce(r, type).Text})",
                _ => Expressions.Coerce(l, type).Text,
            };
            columns.Add(
                new ScopeColumn(
                    left.SelectMany(x => x.Columns).First(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Name, type, value));
        }

        var mergedNames = columns.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var relations = scope.Relations;
        for (var i = 0; i < relations.Count; i++)
        {
            if (left.Contains(relations[i]) || right.Contains(relations[i]))
            {
                relations[i] = relations[i] with { MergedColumns = mergedNames };
            }
        }

        relations.Insert(relations.FindIndex(r => r.MergedColumns.Count > 0), new ScopeRelation([], columns));
        return string.Join(" AND ", conditions);
    }

    private static TypedSql Single(IEnumerable<ScopeRelation> relations, string name)
    {
        var matches = relations.Select(r => r.Column(name)).Where(c => c is not null).ToList();
        return matches.Count == 1
            ? new TypedSql(matches[0]!.Sql, matches[0]!.Type)
            : throw new ServiceErrorException(matches.Count == 0
                ? ServiceRules.Analysis($"USING column `{name}` cannot be resolved on both sides of the join")
                : ServiceRules.Ambiguous(name));
    }
}

using QueryServiceOrm.Sandbox.Sql.Syntax;

namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>
/// Translates queries: WITH, set operations with Spark's type coercion, SELECT with its FROM tree (every relation under an
/// alias of the front's own, so that Spark's case-insensitive and repeated names never clash on the backend), ORDER BY with
/// Spark's default null ordering, LIMIT and OFFSET, and the service's row cap for results that go to a client.
/// </summary>
internal sealed partial class QueryTranslator
{
    private readonly TranslationContext _context;

    public QueryTranslator(TranslationContext context)
    {
        _context = context;
        Expressions = new ExpressionTranslator(context, this);
    }

    public ExpressionTranslator Expressions { get; }

    /// <summary>Translates a query inside <paramref name="outer"/> (null at the top of a statement).</summary>
    public TranslatedQuery Translate(SqlQuery query, Scope? outer, QueryRole role = QueryRole.Nested)
    {
        _context.PushCtes();
        try
        {
            var with = Ctes(query.With, outer);
            var body = Body(
                query.Body, outer, role == QueryRole.Client && query.OrderBy.Count == 0 ? role : QueryRole.Nested, query.Windows);
            var sql = with + body.Sql + OrderBy(query, body) + Limit(query, role);
            return role == QueryRole.Client
                ? ForClient(new TranslatedQuery(sql, body.Columns), body.ClientReady)
                : new TranslatedQuery(sql, body.Columns);
        }
        finally
        {
            _context.PopCtes();
        }
    }

    /// <summary>What a query body translated to: its SQL, its columns, and the scope ORDER BY may use.</summary>
    private sealed record BodyResult(string Sql, IReadOnlyList<OutputColumn> Columns, Scope? SelectScope, bool ClientReady = false);

    private string Ctes(IReadOnlyList<CommonTableExpression> ctes, Scope? outer)
    {
        if (ctes.Count == 0)
        {
            return "";
        }

        var parts = new List<string>();
        foreach (var cte in ctes)
        {
            var query = Translate(cte.Query, outer);
            var columns = cte.Columns.Count == 0 ? query.Columns
                : cte.Columns.Count == query.Columns.Count ? cte.Columns.Select((c, i) => query.Columns[i] with { Name = c.Value }).ToList()
                : throw new ServiceErrorException(
                    ServiceRules.Analysis($"The CTE {cte.Name} names {cte.Columns.Count} columns for a query of {query.Columns.Count}"));
            _context.AddCte(new CteBinding(cte.Name.Value, columns));
            parts.Add(
                $"{PgSql.Identifier(cte.Name.Value)}({string.Join(", ", columns.Select(c => PgSql.Identifier(c.Name)))}) AS ({query.Sql})");
        }

        return "WITH " + string.Join(", ", parts) + " ";
    }

    private BodyResult Body(QueryBody body, Scope? outer, QueryRole role, IReadOnlyList<WindowDefinition> queryWindows)
        => body switch
        {
            SelectBody select => Select(select, outer, role, queryWindows),
            SetOperationBody set => SetOperation(set, outer),
            ValuesBody values => Values(values.Rows, outer),
            NestedQueryBody nested => Nested(nested, outer),
            TableBody table => Select(
                new SelectBody(
                    false, [new SelectItem(new StarExpr([]), [])], [new TableRelation(table.Name, null, null)], null, null, null, []),
                outer, role, []),
            _ => throw new ArgumentOutOfRangeException(nameof(body)),
        };

    private BodyResult Nested(NestedQueryBody nested, Scope? outer)
    {
        var query = Translate(nested.Query, outer);
        return new BodyResult($"({query.Sql})", query.Columns, null);
    }

    private BodyResult Values(IReadOnlyList<IReadOnlyList<Expr>> rows, Scope? outer)
    {
        var (sql, columns) = ValuesSql(rows, outer ?? new Scope(null));
        var alias = _context.NewAlias("values");
        var names = string.Join(", ", columns.Select(c => PgSql.Identifier(c.Name)));
        return new BodyResult($"SELECT * FROM ({sql}) AS {alias}({names})", columns, null);
    }

    /// <summary>VALUES rows, each column cast to the type its rows share; Spark names them col1, col2, ...</summary>
    private (string Sql, IReadOnlyList<OutputColumn> Columns) ValuesSql(IReadOnlyList<IReadOnlyList<Expr>> rows, Scope scope)
    {
        var width = rows[0].Count;
        if (rows.Any(r => r.Count != width))
        {
            throw new ServiceErrorException(ServiceRules.Analysis("All rows of an inline table must have the same number of values"));
        }

        var cells = rows.Select(r => r.Select(e => Expressions.Native(Expressions.Translate(e, scope))).ToList()).ToList();
        var types = Enumerable.Range(0, width).Select(i => Expressions.SharedType(cells.Select(r => r[i]).ToList(), rows[0][i])).ToList();
        var sql = "VALUES " + string.Join(
            ", ", cells.Select(r => "(" + string.Join(", ", r.Select((c, i) => Expressions.Coerce(c, types[i]).Text)) + ")"));
        return (sql, types.Select((t, i) => new OutputColumn($"col{i + 1}", t)).ToList());
    }

    // Spark coerces each column of both sides to their common type (an int and a string become a string); PostgreSQL would refuse.
    private BodyResult SetOperation(SetOperationBody set, Scope? outer)
    {
        var left = Body(set.Left, outer, QueryRole.Nested, []);
        var right = Body(set.Right, outer, QueryRole.Nested, []);
        if (left.Columns.Count != right.Columns.Count)
        {
            throw new ServiceErrorException(ServiceRules.Analysis(
                $"{set.Operator} can only be performed on inputs with the same number of columns, but the first has {left.Columns.Count} "
                + $"and the second {right.Columns.Count}"));
        }

        var types = left.Columns.Zip(right.Columns, (l, r) => SparkTypes.Common(l.Type, r.Type)
                                                      ?? throw new ServiceErrorException(
                                                          ServiceRules.TypeMismatch(
                                                              $"{set.Operator} cannot combine {l.Type} with {r.Type}"))).ToList();
        var all = set.All ? " ALL" : "";
        var sql = $"({Conformed(left, types)}) {set.Operator}{all} ({Conformed(right, types)})";
        return new BodyResult(sql, left.Columns.Select((c, i) => c with { Type = types[i] }).ToList(), null);
    }

    private string Conformed(BodyResult side, IReadOnlyList<SparkType> types)
    {
        if (side.Columns.Select(c => c.Type).SequenceEqual(types))
        {
            return side.Sql;
        }

        var alias = _context.NewAlias("u");
        var columns = side.Columns.Select((c, i) =>
            $"{Expressions.Coerce(new TypedSql($"{alias}.{Positional(i)}", c.Type), types[i]).Text} AS {PgSql.Identifier(c.Name)}");
        return $"SELECT {string.Join(", ", columns)} FROM ({side.Sql}) AS {PositionalAlias(alias, side.Columns.Count)}";
    }

    /// <summary>The i-th column of a relation aliased with <see cref="PositionalAlias"/>: for reading a query by position.</summary>
    public static string Positional(int i) => "c" + i.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>alias(c0, c1, ...)</c>: names a subquery's columns by position, whatever (and however repeated) its own names.</summary>
    public static string PositionalAlias(string alias, int count)
        => $"{alias}({string.Join(", ", Enumerable.Range(0, count).Select(Positional))})";

    // ORDER BY: an output name or ordinal as it is; anything else in the select's own scope, where aliases stand for their
    // expressions. Spark puts nulls first ascending and last descending, the opposite of PostgreSQL's defaults.
    private string OrderBy(SqlQuery query, BodyResult body)
    {
        if (query.OrderBy.Count == 0)
        {
            return "";
        }

        var scope = body.SelectScope ?? OutputScope(body);
        var items = query.OrderBy.Select(item =>
        {
            var value = item.Value is NameExpr { Parts.Count: 1 } name
                && body.Columns.Any(c => c.Name.Equals(name.Parts[0].Value, StringComparison.OrdinalIgnoreCase))
                ? PgSql.Identifier(body.Columns.First(c => c.Name.Equals(name.Parts[0].Value, StringComparison.OrdinalIgnoreCase)).Name)
                : item.Value is NumberLiteral { Suffix: "" } ordinal && body.SelectScope is not null ? ordinal.Digits
                : Expressions.Native(Expressions.Translate(item.Value, scope)).Text;
            var nullsFirst = item.NullsFirst ?? !item.Descending;
            return $"{value}{(item.Descending ? " DESC" : " ASC")} NULLS {(nullsFirst ? "FIRST" : "LAST")}";
        });
        return " ORDER BY " + string.Join(", ", items);
    }

    // A set operation's result, its columns by name, for ORDER BY.
    private static Scope OutputScope(BodyResult body)
    {
        var scope = new Scope(null);
        scope.Relations.Add(
            new ScopeRelation([], body.Columns.Select(c => new ScopeColumn(c.Name, c.Type, PgSql.Identifier(c.Name))).ToList()));
        return scope;
    }

    // LIMIT n, LIMIT ALL, OFFSET; for a client, no LIMIT means the service's cap and LIMIT 0 means no cap at all. A batch
    // query's rows go to a dataset, never to a client: it has no cap.
    private string Limit(SqlQuery query, QueryRole role)
    {
        long? limit = query.Limit is null ? null : Constant(query.Limit, "LIMIT");
        if (limit > ServiceRules.MaxLimit)
        {
            throw new ServiceErrorException(ServiceRules.LimitTooLarge(limit.Value));
        }

        var offset = query.Offset is null ? "" : " OFFSET " + Constant(query.Offset, "OFFSET").ToString(CultureInfo.InvariantCulture);
        if (role == QueryRole.Client)
        {
            return limit switch
            {
                0 => offset,
                null => _context.Session.Interactive ? $" LIMIT {ServiceRules.RowCap}{offset}" : offset,
                _ => $" LIMIT {limit}{offset}",
            };
        }

        return (limit is null ? "" : $" LIMIT {limit}") + offset;
    }

    private static long Constant(Expr expression, string clause)
        => expression is NumberLiteral { Suffix: "" or "L" } n
            && long.TryParse(n.Digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value >= 0
            ? value
            : throw new ServiceErrorException(ServiceRules.Analysis($"The {clause} expression must be a non-negative integer constant"));

    // What a client receives: structs, arrays and maps as JSON text after SET auto_to_json=true, otherwise as the backend
    // writes them (a composite as PostgreSQL composite text, as the service does).
    private TranslatedQuery ForClient(TranslatedQuery query, bool alreadyConverted)
    {
        if (alreadyConverted || !query.Columns.Any(c => c.Type.IsComplex))
        {
            return query;
        }

        var alias = _context.NewAlias("client");
        var columns = query.Columns.Select(
            c => $"{ClientValue(new TypedSql($"{alias}.{PgSql.Identifier(c.Name)}", c.Type))} AS {PgSql.Identifier(c.Name)}");
        return query with { Sql = $"SELECT {string.Join(", ", columns)} FROM ({query.Sql}) AS {alias}" };
    }

    /// <summary>A top-level value as the client receives it.</summary>
    public string ClientValue(TypedSql value)
        => value.Type.IsComplex && _context.Session.AutoToJson
            ? value.HeldAsJson ? $"({value.Text})::json" : $"to_json({value.Text})"
            : Expressions.Native(value).Text;
}

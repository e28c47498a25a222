using QueryServiceOrm.Sandbox.Sql.Lexing;
using QueryServiceOrm.Sandbox.Sql.Syntax;

namespace QueryServiceOrm.Sandbox.Sql.Parsing;

// Queries: WITH, set operations (INTERSECT before UNION and EXCEPT, as Spark), SELECT, FROM with joins, lateral views and
// snapshots, GROUP BY with grouping analytics, WINDOW, ORDER BY, LIMIT and OFFSET.
internal sealed partial class SparkParser
{
    private SqlQuery ParseQuery()
    {
        var position = Current.Position;
        var with = new List<CommonTableExpression>();
        if (Accept("WITH"))
        {
            Accept("RECURSIVE");
            with.AddRange(CommaSeparated(CommonTableExpression));
        }

        var body = SetTerm();
        var orderBy = new List<SortItem>();
        var windows = new List<WindowDefinition>();
        while (true)
        {
            if (AcceptSequence("ORDER", "BY") || AcceptSequence("SORT", "BY"))
            {
                orderBy.AddRange(CommaSeparated(SortItem));
            }
            else if (At("WINDOW"))
            {
                windows.AddRange(WindowClause());
            }
            else if (At("CLUSTER") || At("DISTRIBUTE"))
            {
                throw Refuse(
                    ServiceRules.NotEmulated(
                        $"{Current.Text.ToUpperInvariant()} BY", "it shapes Spark's partitions, which a single PostgreSQL has none of."));
            }
            else
            {
                break;
            }
        }

        Expr? limit = null;
        var limitAll = false;
        if (Accept("LIMIT"))
        {
            if (Accept("ALL"))
            {
                limitAll = true;
            }
            else
            {
                limit = Expression();
            }
        }

        var offset = Accept("OFFSET") ? Expression() : null;
        if (offset is not null && limit is null && Accept("LIMIT"))
        {
            limit = Accept("ALL") ? null : Expression();
        }

        return At(position, new SqlQuery(with, body, orderBy, limit, limitAll, offset) { Windows = windows });
    }

    private CommonTableExpression CommonTableExpression()
    {
        var position = Current.Position;
        var name = Name();
        var columns = AtSymbol("(") ? NameList() : [];
        Accept("AS");
        ExpectSymbol("(");
        var query = ParseQuery();
        ExpectSymbol(")");
        return At(position, new CommonTableExpression(name, columns, query));
    }

    private QueryBody SetTerm()
    {
        var left = IntersectTerm();
        while (At("UNION") || At("EXCEPT") || At("MINUS"))
        {
            var position = Current.Position;
            var op = Advance().Text.ToUpperInvariant();
            var all = SetQuantifier();
            left = At(position, new SetOperationBody(left, op == "MINUS" ? "EXCEPT" : op, all, IntersectTerm()));
        }

        return left;
    }

    private QueryBody IntersectTerm()
    {
        var left = QueryPrimary();
        while (At("INTERSECT"))
        {
            var position = Advance().Position;
            var all = SetQuantifier();
            left = At(position, new SetOperationBody(left, "INTERSECT", all, QueryPrimary()));
        }

        return left;
    }

    private bool SetQuantifier()
    {
        if (Accept("ALL"))
        {
            return true;
        }

        Accept("DISTINCT");
        return false;
    }

    private QueryBody QueryPrimary()
    {
        var position = Current.Position;
        if (Accept("SELECT"))
        {
            return At(position, SelectBody());
        }

        if (Accept("VALUES"))
        {
            return At(position, new ValuesBody(ValuesRows()));
        }

        if (Accept("TABLE"))
        {
            return At(position, new TableBody(QualifiedName()));
        }

        if (AtSymbol("(") && StartsQuery(1))
        {
            _index++;
            var query = ParseQuery();
            ExpectSymbol(")");
            return At(position, new NestedQueryBody(query));
        }

        if (At("FROM"))
        {
            throw Refuse(ServiceRules.NotEmulated("FROM ... SELECT (Hive's FROM-first form)", "write SELECT ... FROM instead."));
        }

        throw Unexpected("SELECT, VALUES, TABLE or a query in parentheses");
    }

    private SelectBody SelectBody()
    {
        var distinct = Accept("DISTINCT");
        if (!distinct)
        {
            Accept("ALL");
        }

        var items = CommaSeparated(SelectItem);
        var from = Accept("FROM") ? FromClause() : [];
        var where = Accept("WHERE") ? Expression() : null;
        var groupBy = AcceptSequence("GROUP", "BY") ? GroupByClause() : null;
        var having = Accept("HAVING") ? Expression() : null;
        var windows = At("WINDOW") ? WindowClause() : [];
        if (At("QUALIFY"))
        {
            throw Refuse(
                ServiceRules.NotEmulated("QUALIFY", "it is not in Spark 3.5's grammar; filter the window function in an outer query."));
        }

        return new SelectBody(distinct, items, from, where, groupBy, having, windows);
    }

    private SelectItem SelectItem()
    {
        var position = Current.Position;
        var value = Expression();
        var aliases = new List<Identifier>();
        if (Accept("AS"))
        {
            if (AtSymbol("("))
            {
                aliases.AddRange(NameList());
            }
            else
            {
                aliases.Add(Name());
            }
        }
        else if (AtName() && value is not StarExpr)
        {
            aliases.Add(Name(allowClauseWords: false));
        }

        return At(position, new SelectItem(value, aliases));
    }

    private List<IReadOnlyList<Expr>> ValuesRows() => CommaSeparated(RowItems);

    // (a, b) is a row of two; a lone expression a row of one.
    private IReadOnlyList<Expr> RowItems()
    {
        var value = Expression();
        return value is RowExpr row ? row.Items : [value];
    }

    private List<Relation> FromClause()
    {
        var relations = CommaSeparated(Relation);
        while (At("LATERAL") && PeekToken().Is("VIEW"))
        {
            var position = Advance().Position;
            _index++;
            var outer = Accept("OUTER");
            var generator = Expression() as CallExpr ?? throw Unexpected("a generator function such as explode(...)");
            var alias = Name(allowClauseWords: false);
            var columns = new List<Identifier>();
            if (Accept("AS") || AtName())
            {
                columns.AddRange(CommaSeparated(() => Name(allowClauseWords: false)));
            }

            var source = relations.Count == 1
                ? relations[0]
                : relations.Aggregate((a, b) => new JoinRelation(a, "CROSS", b, null, null, false));
            relations = [At(position, new LateralViewRelation(source, generator, outer, alias, columns))];
        }

        if (At("PIVOT") || At("UNPIVOT"))
        {
            throw Refuse(
                ServiceRules.NotEmulated(
                    Current.Text.ToUpperInvariant(), "write the aggregation with CASE WHEN ... or the unpivot with a UNION ALL."));
        }

        return relations;
    }

    private Relation Relation()
    {
        var lateral = Accept("LATERAL");
        var left = RelationPrimary(lateral);
        while (true)
        {
            var position = Current.Position;
            var natural = Accept("NATURAL");
            var kind = JoinKind();
            if (kind is null)
            {
                if (natural)
                {
                    throw Unexpected("a join");
                }

                return left;
            }

            var rightLateral = Accept("LATERAL");
            var right = RelationPrimary(rightLateral);
            Expr? on = null;
            List<Identifier>? usingColumns = null;
            if (Accept("ON"))
            {
                on = Expression();
            }
            else if (Accept("USING"))
            {
                usingColumns = NameList();
            }

            left = At(position, new JoinRelation(left, kind, right, on, usingColumns, natural));
        }
    }

    // INNER, CROSS, LEFT, RIGHT, FULL, LEFT SEMI, LEFT ANTI; null when no join follows.
    private string? JoinKind()
    {
        if (Accept("JOIN"))
        {
            return "INNER";
        }

        string kind;
        if (Accept("INNER"))
        {
            kind = "INNER";
        }
        else if (Accept("CROSS"))
        {
            kind = "CROSS";
        }
        else if (Accept("LEFT"))
        {
            kind = Accept("SEMI") ? "SEMI" : Accept("ANTI") ? "ANTI" : "LEFT";
            Accept("OUTER");
        }
        else if (Accept("RIGHT"))
        {
            kind = "RIGHT";
            Accept("OUTER");
        }
        else if (Accept("FULL"))
        {
            kind = "FULL";
            Accept("OUTER");
        }
        else if (Accept("SEMI"))
        {
            kind = "SEMI";
        }
        else if (Accept("ANTI"))
        {
            kind = "ANTI";
        }
        else
        {
            return null;
        }

        Expect("JOIN");
        return kind;
    }

    private Relation RelationPrimary(bool lateral)
    {
        var position = Current.Position;
        if (AtSymbol("("))
        {
            _index++;
            if (StartsQuery(0))
            {
                var query = ParseQuery();
                ExpectSymbol(")");
                return At(position, new SubqueryRelation(query, lateral, RelationAliasOrNull()));
            }

            var inner = Relation();
            ExpectSymbol(")");
            return At(position, new NestedRelation(inner, RelationAliasOrNull()));
        }

        if (Accept("VALUES"))
        {
            return At(position, new ValuesRelation(ValuesRows(), RelationAliasOrNull()));
        }

        var name = QualifiedName();
        if (AtSymbol("("))
        {
            var call = CallAfterName(string.Join(".", name.Select(n => n.Value)), position);
            return At(position, new FunctionRelation(call, lateral, RelationAliasOrNull()));
        }

        var snapshot = SnapshotOrNull();
        if (At("TABLESAMPLE"))
        {
            throw Refuse(
                ServiceRules.NotEmulated(
                    "TABLESAMPLE", "a sample of the sandbox's few rows would tell nothing; filter with WHERE or LIMIT."));
        }

        if (At("FOR") || At("VERSION") || At("TIMESTAMP"))
        {
            throw Refuse(
                ServiceRules.NotSupported(
                    "Delta's time travel syntax (VERSION AS OF, TIMESTAMP AS OF)", "Use Query Service's SNAPSHOT SINCE|AS OF|BETWEEN."));
        }

        var alias = RelationAliasOrNull();
        snapshot ??= SnapshotOrNull();
        return At(position, new TableRelation(name, snapshot, alias));
    }

    private SnapshotClause? SnapshotOrNull()
    {
        var position = Current.Position;
        if (!Accept("SNAPSHOT"))
        {
            return null;
        }

        if (Accept("SINCE"))
        {
            return At(position, new SnapshotClause("SINCE", SnapshotId(), null));
        }

        if (AcceptSequence("AS", "OF"))
        {
            return At(position, new SnapshotClause("AS OF", SnapshotId(), null));
        }

        Expect("BETWEEN");
        var from = SnapshotId();
        Expect("AND");
        return At(position, new SnapshotClause("BETWEEN", from, SnapshotId()));
    }

    // A snapshot id: a number, a string, HEAD or TAIL.
    private Expr SnapshotId()
    {
        var position = Current.Position;
        if (At("HEAD") || At("TAIL"))
        {
            return At(position, new StringLiteral(Advance().Text.ToUpperInvariant()));
        }

        return Primary();
    }

    private RelationAlias? RelationAliasOrNull()
    {
        if (Accept("AS") || AtName())
        {
            var name = Name(allowClauseWords: false);
            var columns = AtSymbol("(") ? NameList() : [];
            return new RelationAlias(name, columns);
        }

        return null;
    }

    private GroupBy GroupByClause()
    {
        var position = Current.Position;
        if (Accept("ALL"))
        {
            return At(position, new GroupBy([], All: true));
        }

        var elements = CommaSeparated(GroupingElement);
        if (AcceptSequence("WITH", "ROLLUP") || AcceptSequence("WITH", "CUBE"))
        {
            var kind = _tokens[_index - 1].Text.ToUpperInvariant();
            var values = elements.Select(
                e => e is GroupingExpression g ? g.Value : throw Unexpected("plain expressions before WITH " + kind)).ToList();
            return At(
                position, new GroupBy([new GroupingAnalytics(kind, values.Select(v => (IReadOnlyList<Expr>)[v]).ToList())], All: false));
        }

        if (AcceptSequence("GROUPING", "SETS"))
        {
            elements.Add(new GroupingAnalytics("GROUPING SETS", GroupingSets()));
        }

        return At(position, new GroupBy(elements, All: false));
    }

    private GroupingElement GroupingElement()
    {
        var position = Current.Position;
        if ((At("ROLLUP") || At("CUBE")) && PeekToken().IsSymbol("("))
        {
            var kind = Advance().Text.ToUpperInvariant();
            return At(position, new GroupingAnalytics(kind, GroupingSets()));
        }

        if (AcceptSequence("GROUPING", "SETS"))
        {
            return At(position, new GroupingAnalytics("GROUPING SETS", GroupingSets()));
        }

        return At(position, new GroupingExpression(Expression()));
    }

    // (a, (b, c), ()): each item a set; a plain expression is a set of one.
    private List<IReadOnlyList<Expr>> GroupingSets()
    {
        ExpectSymbol("(");
        var sets = CommaSeparated<IReadOnlyList<Expr>>(() =>
        {
            if (AtSymbol("(") && PeekToken().IsSymbol(")"))
            {
                _index += 2;
                return [];
            }

            return RowItems();
        });
        ExpectSymbol(")");
        return sets;
    }

    private List<WindowDefinition> WindowClause()
    {
        Expect("WINDOW");
        return CommaSeparated(() =>
        {
            var position = Current.Position;
            var name = Name();
            Expect("AS");
            return At(position, new WindowDefinition(name, WindowSpecification()));
        });
    }

    private SortItem SortItem()
    {
        var position = Current.Position;
        var value = Expression();
        var descending = Accept("DESC");
        if (!descending)
        {
            Accept("ASC");
        }

        bool? nullsFirst = null;
        if (Accept("NULLS"))
        {
            nullsFirst = Accept("FIRST") || (Accept("LAST") ? false : throw Unexpected("FIRST or LAST"));
        }

        return At(position, new SortItem(value, descending, nullsFirst));
    }
}

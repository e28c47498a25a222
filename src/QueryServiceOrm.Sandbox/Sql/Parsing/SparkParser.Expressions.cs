using QueryServiceOrm.Sandbox.Sql.Lexing;
using QueryServiceOrm.Sandbox.Sql.Syntax;

namespace QueryServiceOrm.Sandbox.Sql.Parsing;

// Expressions, by Spark's precedence: OR, AND, NOT, predicates, comparisons, |, ^, &, + - ||, * / % DIV, unary, postfix.
internal sealed partial class SparkParser
{
    private static readonly string[][] BinaryLevels =
    [
        ["=", "==", "<>", "!=", "<", "<=", ">", ">=", "<=>", "!<", "!>"],
        ["|"],
        ["^"],
        ["&"],
        ["+", "-", "||"],
        ["*", "/", "%", "DIV"],
    ];

    private Expr Expression() => Or();

    private Expr Or()
    {
        var left = And();
        while (At("OR"))
        {
            var position = Advance().Position;
            left = At(position, new BinaryExpr("OR", left, And()));
        }

        return left;
    }

    private Expr And()
    {
        var left = Not();
        while (At("AND"))
        {
            var position = Advance().Position;
            left = At(position, new BinaryExpr("AND", left, Not()));
        }

        return left;
    }

    private Expr Not()
    {
        var position = Current.Position;
        if (Accept("NOT") || (AtSymbol("!") && !PeekToken().IsSymbol("=") && AcceptSymbol("!")))
        {
            return At(position, new UnaryExpr("NOT", Not()));
        }

        return Predicate();
    }

    private Expr Predicate()
    {
        var value = Binary(0);
        while (true)
        {
            var position = Current.Position;
            if (Accept("IS"))
            {
                var negated = Accept("NOT");
                if (AcceptSequence("DISTINCT", "FROM"))
                {
                    value = At(position, new IsDistinctExpr(value, Binary(0), negated));
                }
                else if (Accept("NULL") || Accept("TRUE") || Accept("FALSE") || Accept("UNKNOWN"))
                {
                    value = At(position, new IsExpr(value, _tokens[_index - 1].Text.ToUpperInvariant(), negated));
                }
                else
                {
                    throw Unexpected("NULL, TRUE, FALSE, UNKNOWN or DISTINCT FROM");
                }

                continue;
            }

            var not = At("NOT") && (PeekToken().Is("BETWEEN") || PeekToken().Is("IN") || PeekToken().Is("LIKE") || PeekToken().Is("ILIKE")
                                    || PeekToken().Is("RLIKE") || PeekToken().Is("REGEXP"));
            if (not)
            {
                _index++;
            }

            if (Accept("BETWEEN"))
            {
                var low = Binary(0);
                Expect("AND");
                value = At(position, new BetweenExpr(value, low, Binary(0), not));
            }
            else if (Accept("IN"))
            {
                value = At(position, InPredicate(value, not));
            }
            else if (At("LIKE") || At("ILIKE") || At("RLIKE") || At("REGEXP"))
            {
                value = At(position, LikePredicate(value, not));
            }
            else if (not)
            {
                throw Unexpected("BETWEEN, IN, LIKE or RLIKE");
            }
            else
            {
                return value;
            }
        }
    }

    private Expr InPredicate(Expr value, bool negated)
    {
        ExpectSymbol("(");
        if (StartsQuery(0))
        {
            var query = ParseQuery();
            ExpectSymbol(")");
            return new InQueryExpr(value, query, negated);
        }

        var items = CommaSeparated(Expression);
        ExpectSymbol(")");
        return new InListExpr(value, items, negated);
    }

    private Expr LikePredicate(Expr value, bool negated)
    {
        var kind = Advance().Text.ToUpperInvariant();
        kind = kind == "REGEXP" ? "RLIKE" : kind;
        if (kind != "RLIKE" && (At("ANY") || At("SOME") || At("ALL")))
        {
            var quantifier = Advance().Text.ToUpperInvariant();
            ExpectSymbol("(");
            var patterns = CommaSeparated(Expression);
            ExpectSymbol(")");
            return new LikeExpr(kind, value, patterns, null, negated, quantifier == "SOME" ? "ANY" : quantifier);
        }

        var pattern = Binary(0);
        var escape = kind != "RLIKE" && Accept("ESCAPE") ? Primary() : null;
        return new LikeExpr(kind, value, [pattern], escape, negated, null);
    }

    private Expr Binary(int level)
    {
        if (level == BinaryLevels.Length)
        {
            return Unary();
        }

        var left = Binary(level + 1);
        while (true)
        {
            var op = BinaryLevels[level].FirstOrDefault(o => o == "DIV" ? At("DIV") : AtSymbol(o));
            if (op is null)
            {
                return left;
            }

            var position = Advance().Position;
            left = At(position, new BinaryExpr(op == "==" ? "=" : op, left, Binary(level + 1)));
        }
    }

    private Expr Unary()
    {
        var position = Current.Position;
        if (AtSymbol("-") || AtSymbol("+") || AtSymbol("~"))
        {
            var op = Advance().Text;
            var operand = Unary();
            Expr result = op == "-" && operand is NumberLiteral n && !n.Digits.StartsWith('-')
                ? n with { Digits = "-" + n.Digits }
                : new UnaryExpr(op, operand);
            return At(position, result);
        }

        return Postfix(Primary());
    }

    private Expr Postfix(Expr value)
    {
        while (true)
        {
            var position = Current.Position;
            if (AcceptSymbol("["))
            {
                var index = Expression();
                ExpectSymbol("]");
                value = At(position, new SubscriptExpr(value, index));
            }
            else if (AtSymbol(".") && PeekToken().Kind is TokenKind.Word or TokenKind.QuotedIdentifier)
            {
                RefuseDoubleQuotesInPath();
                _index++;
                var field = Name();
                value = value is NameExpr name
                    ? At(name.Position, new NameExpr([.. name.Parts, field]))
                    : At(position, new FieldExpr(value, field));
            }
            else if (AtSymbol(".") && PeekToken().IsSymbol("*") && value is NameExpr qualifier)
            {
                _index += 2;
                value = At(qualifier.Position, new StarExpr(qualifier.Parts));
            }
            else if (AtSymbol("::"))
            {
                throw Refuse(ServiceRules.SyntaxError("'::' casts are not Spark 3 syntax: write CAST(x AS type).", Current.Position));
            }
            else
            {
                return value;
            }
        }
    }

    private Expr Primary()
    {
        var position = Current.Position;
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _index++;
                return At(position, new NumberLiteral(token.Value, token.NumberSuffix));
            case TokenKind.String:
                return At(position, new StringLiteral(StringValue()));
            case TokenKind.Parameter:
                _index++;
                return At(position, new ParameterExpr(int.Parse(token.Value, System.Globalization.CultureInfo.InvariantCulture)));
            case TokenKind.Variable:
                _index++;
                return At(position, new VariableExpr(token.Value));
            case TokenKind.QuotedIdentifier:
                return NameOrCall(position);
            case TokenKind.Symbol when token.Text == "(":
                return Parenthesized(position);
            case TokenKind.Symbol when token.Text == "*":
                _index++;
                return At(position, new StarExpr([]));
            case TokenKind.Word:
                return WordPrimary(position);
            default:
                throw Unexpected("an expression");
        }
    }

    private Expr WordPrimary(int position)
    {
        var next = PeekToken();
        switch (Current.Text.ToUpperInvariant())
        {
            case "NULL":
                _index++;
                return At(position, new NullLiteral());
            case "TRUE" or "FALSE":
                return At(position, new BooleanLiteral(Advance().Is("TRUE")));
            case "DATE" or "TIMESTAMP" or "TIMESTAMP_NTZ" or "TIMESTAMP_LTZ" or "X" when next.Kind == TokenKind.String:
                var type = Advance().Text.ToUpperInvariant();
                return At(position, new TypedLiteral(type, StringValue()));
            case "INTERVAL" when next.Kind is TokenKind.String or TokenKind.Number || next.IsSymbol("-"):
                _index++;
                return At(position, Interval());
            case "CASE":
                _index++;
                return At(position, Case());
            case "CAST" or "TRY_CAST" when next.IsSymbol("("):
                return At(position, Cast());
            case "EXISTS" when next.IsSymbol("(") && StartsQuery(2):
                _index += 2;
                var query = ParseQuery();
                ExpectSymbol(")");
                return At(position, new ExistsExpr(query));
            case "EXTRACT" when next.IsSymbol("("):
                _index += 2;
                var field = Advance().Text;
                Expect("FROM");
                var source = Expression();
                ExpectSymbol(")");
                return At(position, new ExtractExpr(field.ToUpperInvariant(), source));
            case "CURRENT_DATE"
                or "CURRENT_TIMESTAMP"
                or "CURRENT_USER"
                or "USER"
                or "SESSION_USER"
                or "CURRENT_TIME" when !next.IsSymbol("("):
                return At(position, new CallExpr(Advance().Text.ToLowerInvariant(), []));
        }

        if (next.IsSymbol("->"))
        {
            var parameter = Name();
            _index++;
            return At(position, new LambdaExpr([parameter], Expression()));
        }

        return NameOrCall(position);
    }

    private Expr NameOrCall(int position)
    {
        var name = QualifiedName(isPath: true);
        if (AtSymbol("(") && name.Count == 1 && !name[0].Quoted)
        {
            return CallAfterName(name[0].Value, position);
        }

        return At(position, new NameExpr(name));
    }

    private Expr Parenthesized(int position)
    {
        if (StartsQuery(1))
        {
            _index++;
            var query = ParseQuery();
            ExpectSymbol(")");
            return At(position, new SubqueryExpr(query));
        }

        if (IsLambdaParameters())
        {
            var parameters = NameList();
            ExpectSymbol("->");
            return At(position, new LambdaExpr(parameters, Expression()));
        }

        _index++;
        var items = CommaSeparated(Expression);
        ExpectSymbol(")");
        return items.Count == 1 ? items[0] : At(position, new RowExpr(items));
    }

    // (x, y) -> ...: names in parentheses followed by an arrow.
    private bool IsLambdaParameters()
    {
        var i = 1;
        while (PeekToken(i).Kind is TokenKind.Word or TokenKind.QuotedIdentifier)
        {
            if (PeekToken(i + 1).IsSymbol(")"))
            {
                return PeekToken(i + 2).IsSymbol("->");
            }

            if (!PeekToken(i + 1).IsSymbol(","))
            {
                return false;
            }

            i += 2;
        }

        return false;
    }

    private CallExpr CallAfterName(string name, int position)
    {
        ExpectSymbol("(");
        var lower = name.ToLowerInvariant();
        if (lower is "trim" or "ltrim" or "rtrim"
            && (At("BOTH") || At("LEADING") || At("TRAILING") || (At("FROM") && !PeekToken().IsSymbol(")"))))
        {
            return At(position, TrimCall(lower));
        }

        var arguments = new List<Expr>();
        var distinct = false;
        if (!AtSymbol(")"))
        {
            distinct = Accept("DISTINCT");
            if (!distinct)
            {
                Accept("ALL");
            }

            arguments.Add(Argument(lower));
            if (lower is "substring" or "substr" && At("FROM"))
            {
                _index++;
                arguments.Add(Expression());
                if (Accept("FOR"))
                {
                    arguments.Add(Expression());
                }
            }
            else if (lower == "position" && At("IN"))
            {
                _index++;
                arguments.Add(Expression());
            }
            else if (lower == "overlay" && At("PLACING"))
            {
                _index++;
                arguments.Add(Expression());
                Expect("FROM");
                arguments.Add(Expression());
                if (Accept("FOR"))
                {
                    arguments.Add(Expression());
                }
            }

            while (AcceptSymbol(","))
            {
                arguments.Add(Argument(lower));
            }
        }

        var ignoreNulls = AcceptSequence("IGNORE", "NULLS");
        AcceptSequence("RESPECT", "NULLS");
        ExpectSymbol(")");
        var call = new CallExpr(name, arguments) { Distinct = distinct };
        if (AcceptSequence("WITHIN", "GROUP"))
        {
            ExpectSymbol("(");
            Expect("ORDER");
            Expect("BY");
            call = call with { WithinGroup = CommaSeparated(SortItem) };
            ExpectSymbol(")");
        }

        if (Accept("FILTER"))
        {
            ExpectSymbol("(");
            Expect("WHERE");
            call = call with { Filter = Expression() };
            ExpectSymbol(")");
        }

        ignoreNulls |= AcceptSequence("IGNORE", "NULLS");
        AcceptSequence("RESPECT", "NULLS");
        if (Accept("OVER"))
        {
            call = call with { Over = AtSymbol("(") ? WindowSpecification() : new WindowSpec(Name().Value, [], [], null) };
        }

        return At(position, call with { IgnoreNulls = ignoreNulls });
    }

    // struct(expr AS name, ...) names its fields (Spark's grammar has a rule of its own for it).
    private Expr Argument(string function)
    {
        var position = Current.Position;
        var value = Expression();
        return function == "struct" && Accept("AS") ? At(position, new AliasedExpr(value, Name())) : value;
    }

    // trim(BOTH|LEADING|TRAILING [chars] FROM source) becomes trim/ltrim/rtrim(source[, chars]).
    private CallExpr TrimCall(string name)
    {
        var function = Accept("LEADING") ? "ltrim" : Accept("TRAILING") ? "rtrim" : name;
        Accept("BOTH");
        Expr? characters = null;
        if (!At("FROM"))
        {
            characters = Expression();
        }

        Expect("FROM");
        var source = Expression();
        ExpectSymbol(")");
        return new CallExpr(function, characters is null ? [source] : [source, characters]);
    }

    private WindowSpec WindowSpecification()
    {
        var position = Current.Position;
        ExpectSymbol("(");
        string? name = null;
        if (AtName() && !At("PARTITION") && !At("ORDER") && !At("ROWS") && !At("RANGE") && !At("DISTRIBUTE") && !At("SORT"))
        {
            name = Name().Value;
        }

        var partitionBy = AcceptSequence("PARTITION", "BY") || AcceptSequence("DISTRIBUTE", "BY") ? CommaSeparated(Expression) : [];
        var orderBy = AcceptSequence("ORDER", "BY") || AcceptSequence("SORT", "BY") ? CommaSeparated(SortItem) : [];
        var frame = At("ROWS") || At("RANGE") ? Frame() : null;
        ExpectSymbol(")");
        return At(position, new WindowSpec(name, partitionBy, orderBy, frame));
    }

    // ROWS|RANGE bound, or BETWEEN bound AND bound; bounds are UNBOUNDED PRECEDING|FOLLOWING, CURRENT ROW, n PRECEDING|FOLLOWING.
    private string Frame()
    {
        var unit = Advance().Text.ToUpperInvariant();
        if (Accept("BETWEEN"))
        {
            var start = FrameBound();
            Expect("AND");
            return $"{unit} BETWEEN {start} AND {FrameBound()}";
        }

        return $"{unit} {FrameBound()}";
    }

    private string FrameBound()
    {
        if (AcceptSequence("UNBOUNDED", "PRECEDING"))
        {
            return "UNBOUNDED PRECEDING";
        }

        if (AcceptSequence("UNBOUNDED", "FOLLOWING"))
        {
            return "UNBOUNDED FOLLOWING";
        }

        if (AcceptSequence("CURRENT", "ROW"))
        {
            return "CURRENT ROW";
        }

        if (Current.Kind == TokenKind.Number && Current.NumberSuffix.Length == 0)
        {
            var offset = Advance().Value;
            if (Accept("PRECEDING"))
            {
                return offset + " PRECEDING";
            }

            Expect("FOLLOWING");
            return offset + " FOLLOWING";
        }

        throw Unexpected("UNBOUNDED PRECEDING, CURRENT ROW, n PRECEDING or n FOLLOWING");
    }

    private Expr Case()
    {
        var operand = At("WHEN") ? null : Expression();
        var whens = new List<(Expr, Expr)>();
        while (Accept("WHEN"))
        {
            var when = Expression();
            Expect("THEN");
            whens.Add((when, Expression()));
        }

        if (whens.Count == 0)
        {
            throw Unexpected("WHEN");
        }

        var otherwise = Accept("ELSE") ? Expression() : null;
        Expect("END");
        return new CaseExpr(operand, whens, otherwise);
    }

    private Expr Cast()
    {
        var isTry = Advance().Is("TRY_CAST");
        ExpectSymbol("(");
        var value = Expression();
        Expect("AS");
        var type = DataType();
        ExpectSymbol(")");
        return new CastExpr(value, type, isTry);
    }

    // INTERVAL '1 day 2 hours', INTERVAL 1 DAY, INTERVAL 2 HOURS 30 MINUTES, INTERVAL '1-2' YEAR TO MONTH.
    private Expr Interval()
    {
        var parts = new List<(string, string)>();
        while (Current.Kind is TokenKind.String or TokenKind.Number || AtSymbol("-"))
        {
            var negative = AcceptSymbol("-");
            var quantity = (negative ? "-" : "") + (Current.Kind == TokenKind.String ? StringValue() : Advance().Value);
            if (Current.Kind == TokenKind.Word && !ClauseWords.Contains(Current.Text) && !At("AND") && !At("OR"))
            {
                var unit = Advance().Text.ToUpperInvariant();
                if (Accept("TO"))
                {
                    unit += " TO " + Advance().Text.ToUpperInvariant();
                }

                parts.Add((quantity, unit));
            }
            else
            {
                parts.Add((quantity, ""));
                break;
            }
        }

        return new IntervalLiteral(parts);
    }

    // Adobe: double quotes declare an identifier with spaces, and "may NOT be combined with dot paths"; back quotes escape a
    // segment there. Spark itself would read "f" as a string. Either way the service has no such path, so neither has this.
    private void RefuseDoubleQuotesInPath()
    {
        if (_index > 0 && _tokens[_index - 1] is { Kind: TokenKind.QuotedIdentifier } before && before.Text.StartsWith('"')
            || PeekToken() is { Kind: TokenKind.QuotedIdentifier } after && after.Text.StartsWith('"'))
        {
            throw Refuse(ServiceRules.SyntaxError(
                "Double quotes may not be combined with dot paths on Query Service: quote a path segment with back quotes (t.s.`f`).",
                Current.Position));
        }
    }
}

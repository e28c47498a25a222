using QueryServiceOrm.Sandbox.Sql.Lexing;
using QueryServiceOrm.Sandbox.Sql.Syntax;

namespace QueryServiceOrm.Sandbox.Sql.Parsing;

/// <summary>
/// A recursive-descent parser for the Spark SQL that SqlQuery Service accepts (Spark 3.5's SqlBaseParser for queries and
/// expressions, plus the service's own statements: SNAPSHOT clauses, CTAS options, PRIMARY IDENTITY, ADD CONSTRAINT ...
/// NAMESPACE, ROW types). Keywords are case-insensitive and, as in Spark's default mode, most can be used as names.
/// </summary>
internal sealed partial class SparkParser
{
    // Spark's strict non-reserved words: never a table alias (they start the next clause), and the clause words after them.
    private static readonly HashSet<string> ClauseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ANTI", "CROSS", "EXCEPT", "FULL", "INNER", "INTERSECT", "JOIN", "LATERAL", "LEFT", "MINUS", "NATURAL", "ON", "RIGHT",
        "SEMI", "UNION", "USING", "FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "WINDOW", "SELECT", "WITH",
        "VALUES", "INTO", "CLUSTER", "DISTRIBUTE", "SORT", "SNAPSHOT", "TABLESAMPLE", "PIVOT", "UNPIVOT", "AS", "QUALIFY", "FOR",
        "WHEN", "THEN", "ELSE", "END", "AND", "OR", "NOT", "IS", "IN", "LIKE", "ILIKE", "RLIKE", "REGEXP", "BETWEEN", "ASC", "DESC",
        "NULLS", "OVER", "FILTER", "RETURNING",
    };

    private readonly IReadOnlyList<SqlToken> _tokens;
    private int _index;

    private SparkParser(IReadOnlyList<SqlToken> tokens) => _tokens = tokens;

    /// <summary>Splits a script at its top-level semicolons; empty statements are dropped.</summary>
    public static List<ScriptStatement> Split(string text)
    {
        var tokens = SparkLexer.Tokenize(text);
        var statements = new List<ScriptStatement>();
        var start = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].IsSymbol(";") || tokens[i].Kind == TokenKind.End)
            {
                if (i > start)
                {
                    var from = tokens[start].Position;
                    var to = tokens[i].Position;
                    var slice = tokens.Skip(start).Take(i - start).Select(t => t with { Position = t.Position - from }).ToList();
                    slice.Add(new SqlToken(TokenKind.End, "", "", to - from, false));
                    statements.Add(new ScriptStatement(text[from..to], slice));
                }

                start = i + 1;
            }
        }

        return statements;
    }

    /// <summary>Parses one statement.</summary>
    public static Statement Parse(ScriptStatement statement)
    {
        var parser = new SparkParser(statement.Tokens);
        var result = parser.ParseStatement();
        parser.ExpectEnd();
        return result;
    }

    /// <summary>Parses a data type on its own (<c>map&lt;string,array&lt;struct&lt;id:string&gt;&gt;&gt;</c>).</summary>
    public static DataTypeSyntax ParseDataType(string text)
    {
        var parser = new SparkParser(SparkLexer.Tokenize(text));
        var type = parser.DataType();
        parser.ExpectEnd();
        return type;
    }

    private SqlToken Current => _tokens[_index];

    private SqlToken PeekToken(int offset = 1) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    private SqlToken Advance()
    {
        var token = _tokens[_index];
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }

        return token;
    }

    private bool At(string keyword) => Current.Is(keyword);

    private bool AtSymbol(string symbol) => Current.IsSymbol(symbol);

    private bool Accept(string keyword)
    {
        if (At(keyword))
        {
            _index++;
            return true;
        }

        return false;
    }

    private bool AcceptSymbol(string symbol)
    {
        if (AtSymbol(symbol))
        {
            _index++;
            return true;
        }

        return false;
    }

    private bool AcceptSequence(params string[] keywords)
    {
        for (var i = 0; i < keywords.Length; i++)
        {
            if (!PeekToken(i).Is(keywords[i]))
            {
                return false;
            }
        }

        _index += keywords.Length;
        return true;
    }

    private void Expect(string keyword)
    {
        if (!Accept(keyword))
        {
            throw Unexpected($"'{keyword}'");
        }
    }

    private void ExpectSymbol(string symbol)
    {
        if (!AcceptSymbol(symbol))
        {
            throw Unexpected($"'{symbol}'");
        }
    }

    private void ExpectEnd()
    {
        if (Current.Kind != TokenKind.End)
        {
            throw Unexpected("the end of the statement");
        }
    }

    private ServiceErrorException Unexpected(string expected)
        => new(ServiceRules.SyntaxError($"Syntax error at or near {Current}: expected {expected}.", Current.Position));

    private ServiceErrorException Refuse(ServiceError error) => new(error);

    /// <summary>Whether the current token can be a name here (any word but those that start a clause, or a quoted name).</summary>
    private bool AtName(bool allowClauseWords = false)
        => Current.Kind == TokenKind.QuotedIdentifier
            || (Current.Kind == TokenKind.Word && (allowClauseWords || !ClauseWords.Contains(Current.Text)));

    private Identifier Name(bool allowClauseWords = true)
    {
        if (!AtName(allowClauseWords))
        {
            throw Unexpected("a name");
        }

        var token = Advance();
        return new Identifier(token.Value, token.Kind == TokenKind.QuotedIdentifier);
    }

    /// <summary>A dotted name; a column reference or field path (<paramref name="isPath"/>) takes no double quotes.</summary>
    private List<Identifier> QualifiedName(bool isPath = false)
    {
        var parts = new List<Identifier> { Name() };
        while (AtSymbol(".") && PeekToken().Kind is TokenKind.Word or TokenKind.QuotedIdentifier)
        {
            if (isPath)
            {
                RefuseDoubleQuotesInPath();
            }

            _index++;
            parts.Add(Name());
        }

        return parts;
    }

    private List<Identifier> NameList()
    {
        ExpectSymbol("(");
        var names = new List<Identifier> { Name() };
        while (AcceptSymbol(","))
        {
            names.Add(Name());
        }

        ExpectSymbol(")");
        return names;
    }

    private List<T> CommaSeparated<T>(Func<T> item)
    {
        var items = new List<T> { item() };
        while (AcceptSymbol(","))
        {
            items.Add(item());
        }

        return items;
    }

    private string StringValue()
    {
        if (Current.Kind != TokenKind.String)
        {
            throw Unexpected("a string");
        }

        var value = Advance().Value;
        while (Current.Kind == TokenKind.String)
        {
            value += Advance().Value;
        }

        return value;
    }

    private T At<T>(int position, T node)
        where T : Node
        => node with { Position = position };
}

using QueryServiceOrm.Sandbox.Sql.Lexing;
using QueryServiceOrm.Sandbox.Sql.Syntax;

namespace QueryServiceOrm.Sandbox.Sql.Parsing;

// Statements: the reads, writes and DDL of the reference's section 2, and the refusals of what the service lacks.
internal sealed partial class SparkParser
{
    private Statement ParseStatement()
    {
        var position = Current.Position;
        if (Current.Kind == TokenKind.DollarBlock)
        {
            return At(position, Block(Advance().Value));
        }

        if (AtSymbol("(") || At("SELECT") || At("WITH") || At("VALUES") || At("TABLE") || At("FROM"))
        {
            return At(position, new QueryStatement(ParseQuery()));
        }

        var keyword = Current.Kind == TokenKind.Word ? Advance().Text.ToUpperInvariant() : throw Unexpected("a statement");
        Statement statement = keyword switch
        {
            "INSERT" => Insert(),
            "CREATE" => Create(),
            "DROP" => Drop(),
            "ALTER" => Alter(),
            "SHOW" => Show(),
            "SET" => Set(),
            "RESET" => new SetStatement(Current.Kind == TokenKind.End ? "ALL" : RestAsText(), null, Reset: true),
            "BEGIN" or "START" => Begin(keyword),
            "ROLLBACK" or "ABORT" => EndTransaction("ROLLBACK"),
            "COMMIT" or "END" => EndTransaction("COMMIT"),
            "SAVEPOINT" or "RELEASE" => throw Refuse(ServiceRules.Transaction(keyword)),
            "UPDATE" or "DELETE" or "MERGE" or "TRUNCATE" => throw Refuse(ServiceRules.AppendOnly(keyword)),
            "EXPLAIN" => Explain(),
            "COPY" => throw Refuse(
                ServiceRules.NotSupported(
                    "COPY to or from the client", "Read rows with SELECT and write them with INSERT INTO ... SELECT.")),
            "LOCK" => throw Refuse(ServiceRules.NotSupported("LOCK", "SqlQuery Service has no locks; write from one place.")),
            "PREPARE" => Prepare(),
            "EXECUTE" => Execute(),
            "DEALLOCATE" => Deallocate(),
            "DECLARE" => DeclareCursor(),
            "FETCH" => Fetch(),
            "CLOSE" => new CloseCursorStatement(Name()),
            "DISCARD" or "VACUUM" or "ANALYZE" or "GRANT" or "REVOKE"
                or "LISTEN" or "NOTIFY" or "CALL" or "DO" or "DESCRIBE" or "DESC" or "USE" or "REFRESH" or "CACHE" or "UNCACHE" or "MSCK"
                => new UnsupportedStatement(keyword),
            _ => throw new ServiceErrorException(
                ServiceRules.SyntaxError($"Syntax error at or near '{keyword}': not a statement SqlQuery Service knows.", position)),
        };
        return At(position, statement);
    }

    private Statement Prepare()
    {
        var name = Name();
        if (AtSymbol("("))
        {
            // PREPARE name (types) AS ...: the types are PostgreSQL's business; the parameters keep their $n.
            ExpectSymbol("(");
            while (!AcceptSymbol(")"))
            {
                Advance();
            }
        }

        Expect("AS");
        return new PrepareStatement(name, ParseStatement());
    }

    private Statement Deallocate()
    {
        Accept("PREPARE");
        return new DeallocateStatement(Accept("ALL") ? null : Name());
    }

    private Statement Execute()
    {
        var name = Name();
        var arguments = new List<Expr>();
        if (AcceptSymbol("("))
        {
            arguments.AddRange(CommaSeparated(Expression));
            ExpectSymbol(")");
        }

        return new ExecuteStatement(name, arguments);
    }

    private Statement DeclareCursor()
    {
        var name = Name();
        while (!At("CURSOR"))
        {
            if (Current.Kind == TokenKind.End)
            {
                throw Unexpected("CURSOR");
            }

            Advance();
        }

        Expect("CURSOR");
        AcceptSequence("WITH", "HOLD");
        Expect("FOR");
        return new DeclareCursorStatement(name, ParseQuery());
    }

    private Statement Fetch()
    {
        long? count = null;
        if (Accept("NEXT"))
        {
            count = 1;
        }
        else if (Accept("ALL"))
        {
            count = null;
        }
        else if (Current.Kind == TokenKind.Number)
        {
            count = long.Parse(Advance().Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (!Accept("FROM"))
        {
            Accept("IN");
        }

        return new FetchStatement(count, Name());
    }

    private Statement Insert()
    {
        if (At("OVERWRITE"))
        {
            throw Refuse(ServiceRules.InsertOverwrite);
        }

        Expect("INTO");
        Accept("TABLE");
        var table = QualifiedName();
        List<Identifier>? columns = null;
        if (AtSymbol("(") && !StartsQuery(1))
        {
            columns = NameList();
        }

        if (At("VALUES"))
        {
            throw Refuse(ServiceRules.InsertValues);
        }

        if (At("OVERWRITE") || At("REPLACE"))
        {
            throw Refuse(ServiceRules.InsertOverwrite);
        }

        var source = ParseQuery();
        if (At("RETURNING"))
        {
            throw Refuse(ServiceRules.Returning);
        }

        return new InsertStatement(table, columns, source);
    }

    private bool StartsQuery(int offset)
    {
        var token = PeekToken(offset);
        return token.Is("SELECT")
            || token.Is("WITH")
            || token.Is("VALUES")
            || token.Is("TABLE")
            || (token.IsSymbol("(") && StartsQuery(offset + 1));
    }

    private Statement Create()
    {
        var orReplace = AcceptSequence("OR", "REPLACE");
        var temporary = Accept("TEMP") || Accept("TEMPORARY");
        if (Accept("TABLE"))
        {
            return CreateTable(temporary);
        }

        if (Accept("VIEW"))
        {
            var name = QualifiedName();
            var columns = AtSymbol("(") ? NameList() : [];
            Expect("AS");
            return new CreateViewStatement(name, orReplace, temporary, columns, ParseQuery());
        }

        if (Accept("SCHEMA") || Accept("DATABASE") || Accept("NAMESPACE"))
        {
            var kind = _tokens[_index - 1].Text.Equals("DATABASE", StringComparison.OrdinalIgnoreCase) ? "DATABASE" : "SCHEMA";
            var ifNotExists = AcceptSequence("IF", "NOT", "EXISTS");
            return new CreateNamespaceStatement(kind, QualifiedName(), ifNotExists);
        }

        if (At("SEQUENCE"))
        {
            throw Refuse(ServiceRules.Sequences);
        }

        if (At("FUNCTION") || At("PROCEDURE"))
        {
            throw Refuse(ServiceRules.NotSupported("A user-defined function", "Use Spark SQL's built-in functions."));
        }

        throw Refuse(
            ServiceRules.NotSupported(
                $"CREATE {Current.Text.ToUpperInvariant()}", "SqlQuery Service creates tables, views, schemas and databases."));
    }

    private Statement CreateTable(bool temporary)
    {
        var ifNotExists = AcceptSequence("IF", "NOT", "EXISTS");
        var table = QualifiedName();
        if (AtSymbol("(") && !StartsQuery(1))
        {
            ExpectSymbol("(");
            var columns = CommaSeparated(ColumnDefinition);
            ExpectSymbol(")");
            var options = Accept("WITH") ? TableOptions() : [];
            if (At("AS"))
            {
                throw Unexpected("the end of the statement (a CTAS takes no column list)");
            }

            return new CreateTableStatement(table, ifNotExists, temporary, columns, options);
        }

        var ctasOptions = Accept("WITH") ? TableOptions() : [];
        Expect("AS");
        return new CreateTableAsStatement(table, ifNotExists, temporary, ctasOptions, ParseQuery());
    }

    private List<(string Key, string Value)> TableOptions()
    {
        ExpectSymbol("(");
        var options = CommaSeparated(() =>
        {
            var key = Name().Value;
            ExpectSymbol("=");
            var value = Current.Kind == TokenKind.String ? StringValue() : Advance().Text;
            return (key, value);
        });
        ExpectSymbol(")");
        return options;
    }

    private ColumnDefinition ColumnDefinition()
    {
        var position = Current.Position;
        var name = Name();
        var type = DataType();
        string? identityNamespace = null;
        var primary = false;
        var notNull = false;
        while (true)
        {
            if (AcceptSequence("PRIMARY", "IDENTITY") || AcceptSequence("PRIMARY", "KEY"))
            {
                primary = true;
            }
            else if (Accept("IDENTITY"))
            {
                // An identity of the dataset (not its primary one).
            }
            else if (AcceptSequence("NOT", "NULL"))
            {
                notNull = true;
            }
            else if (Accept("NAMESPACE"))
            {
                identityNamespace = StringValue();
            }
            else if (At("DEFAULT") || At("GENERATED") || At("AUTO_INCREMENT"))
            {
                throw Refuse(
                    ServiceRules.NotSupported("A column default or generated column", "Write the values with the rows you append."));
            }
            else
            {
                break;
            }
        }

        return At(position, new ColumnDefinition(name, type, identityNamespace, primary, notNull));
    }

    private Statement Drop()
    {
        var kind = Current.Kind == TokenKind.Word ? Advance().Text.ToUpperInvariant() : throw Unexpected("TABLE, VIEW, SCHEMA or DATABASE");
        if (kind is "TEMP" or "TEMPORARY" && Accept("VIEW"))
        {
            kind = "VIEW";
        }

        kind = kind == "NAMESPACE" ? "SCHEMA" : kind;
        if (kind is not ("TABLE" or "VIEW" or "SCHEMA" or "DATABASE"))
        {
            throw kind == "SEQUENCE"
                ? Refuse(ServiceRules.Sequences)
                : Refuse(ServiceRules.NotSupported($"DROP {kind}", "SqlQuery Service drops tables, views, schemas and databases."));
        }

        var ifExists = AcceptSequence("IF", "EXISTS");
        var name = QualifiedName();
        var cascade = Accept("CASCADE");
        Accept("RESTRICT");
        return new DropStatement(kind, name, ifExists, cascade);
    }

    private Statement Alter()
    {
        Expect("TABLE");
        var table = QualifiedName();
        if (Accept("ADD"))
        {
            if (Accept("CONSTRAINT"))
            {
                return Constraint(table, add: true);
            }

            if (Accept("COLUMN") || Accept("COLUMNS"))
            {
                var parenthesized = AcceptSymbol("(");
                var columns = CommaSeparated(ColumnDefinition);
                if (parenthesized)
                {
                    ExpectSymbol(")");
                }

                return new AddColumnsStatement(table, columns);
            }

            if (At("PRIMARY") || At("IDENTITY") || At("FOREIGN"))
            {
                return Constraint(table, add: true);
            }

            return new AddColumnsStatement(table, CommaSeparated(ColumnDefinition));
        }

        if (Accept("DROP") && Accept("CONSTRAINT"))
        {
            return Constraint(table, add: false);
        }

        throw Refuse(ServiceRules.NotSupported(
            "This ALTER TABLE",
            "SqlQuery Service adds columns and adds or drops PRIMARY KEY, FOREIGN KEY and identity constraints; datasets are otherwise "
            + "immutable."));
    }

    private Statement Constraint(List<Identifier> table, bool add)
    {
        string kind;
        if (AcceptSequence("PRIMARY", "KEY"))
        {
            kind = "PRIMARY KEY";
        }
        else if (AcceptSequence("PRIMARY", "IDENTITY"))
        {
            kind = "PRIMARY IDENTITY";
        }
        else if (AcceptSequence("FOREIGN", "KEY"))
        {
            kind = "FOREIGN KEY";
        }
        else if (Accept("IDENTITY"))
        {
            kind = "IDENTITY";
        }
        else
        {
            throw Unexpected("PRIMARY KEY, PRIMARY IDENTITY, FOREIGN KEY or IDENTITY");
        }

        var columns = NameList();
        if (kind == "FOREIGN KEY")
        {
            Expect("REFERENCES");
            QualifiedName();
            if (AtSymbol("("))
            {
                NameList();
            }
        }

        string? identityNamespace = null;
        if (Accept("NAMESPACE"))
        {
            identityNamespace = StringValue();
        }

        return new ConstraintStatement(table, add, kind, columns, identityNamespace);
    }

    private Statement Show()
    {
        if (Current.Kind == TokenKind.End)
        {
            throw Unexpected("what to show");
        }

        return new ShowStatement(RestAsText());
    }

    private Statement Set()
    {
        if (Current.Kind == TokenKind.Variable)
        {
            var name = Advance().Value;
            ExpectSymbol("=");
            return new SetVariableStatement(name, ParseQuery());
        }

        if (Current.Kind == TokenKind.End)
        {
            return new SetStatement("-v", null, Reset: false);
        }

        // SET key = value and SET key TO value (PostgreSQL's form, which psycopg2 and psql send); keys may contain dots.
        var key = new List<SqlToken>();
        while (Current.Kind != TokenKind.End && !AtSymbol("=") && !(At("TO") && key.Count > 0))
        {
            key.Add(Advance());
        }

        if (AcceptSymbol("=") || Accept("TO"))
        {
            return new SetStatement(JoinKey(key), RestAsValue(), Reset: false);
        }

        // SET TIME ZONE 'UTC': the value is the last token.
        return key.Count > 1 && key[^1].Kind is TokenKind.String or TokenKind.Number
            ? new SetStatement(JoinKey(key[..^1]), key[^1].Value, Reset: false)
            : new SetStatement(JoinKey(key), null, Reset: false);
    }

    // Words of a key are separated by a space (TIME ZONE), dotted parts are joined (spark.sql.caseSensitive).
    private static string JoinKey(List<SqlToken> tokens)
    {
        var key = new System.Text.StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0 && tokens[i].Kind == TokenKind.Word && tokens[i - 1].Kind == TokenKind.Word)
            {
                key.Append(' ');
            }

            key.Append(tokens[i].Kind is TokenKind.String or TokenKind.QuotedIdentifier ? tokens[i].Value : tokens[i].Text);
        }

        return key.ToString();
    }

    // A SET value as written: one string or word, or the raw remaining text.
    private string RestAsValue()
    {
        if (Current.Kind == TokenKind.String && PeekToken().Kind == TokenKind.End)
        {
            return Advance().Value;
        }

        return RestAsText();
    }

    private string RestAsText()
    {
        var parts = new List<string>();
        while (Current.Kind != TokenKind.End)
        {
            var token = Advance();
            parts.Add(token.Kind is TokenKind.String or TokenKind.QuotedIdentifier ? token.Value : token.Text);
        }

        return string.Join(" ", parts).Replace(" . ", ".", StringComparison.Ordinal);
    }

    private Statement Begin(string keyword)
    {
        if (keyword == "START")
        {
            Expect("TRANSACTION");
        }
        else if (!Accept("TRANSACTION"))
        {
            Accept("WORK");
        }

        if (Current.Kind != TokenKind.End)
        {
            throw Refuse(ServiceRules.Transaction("A transaction with modes"));
        }

        return new TransactionStatement("BEGIN");
    }

    private Statement EndTransaction(string kind)
    {
        if (!Accept("TRANSACTION"))
        {
            Accept("WORK");
        }

        if (Current.Kind != TokenKind.End)
        {
            throw Refuse(ServiceRules.Transaction($"{kind} {Current.Text}"));
        }

        return new TransactionStatement(kind);
    }

    private Statement Explain()
    {
        string? format = null;
        if (Accept("FORMAT"))
        {
            format = Advance().Text.ToUpperInvariant();
        }
        else if (Accept("EXTENDED") || Accept("FORMATTED") || Accept("CODEGEN") || Accept("COST") || Accept("ANALYZE") || Accept("VERBOSE"))
        {
            format = "TEXT";
        }

        return new ExplainStatement(ParseStatement(), format);
    }

    // $$ BEGIN statement; ...; END $$: the statements between BEGIN and END, run one after the other.
    private static BlockStatement Block(string body)
    {
        var statements = Split(body);
        var parsed = new List<Statement>();
        for (var i = 0; i < statements.Count; i++)
        {
            var tokens = statements[i].Tokens.ToList();
            if (i == 0 && tokens[0].Is("BEGIN"))
            {
                tokens.RemoveAt(0);
            }

            if (i == statements.Count - 1 && tokens.Count >= 2 && tokens[^2].Is("END"))
            {
                tokens.RemoveAt(tokens.Count - 2);
            }

            if (tokens.Count > 1)
            {
                parsed.Add(Parse(new ScriptStatement(statements[i].Text, tokens)));
            }
        }

        return new BlockStatement(parsed);
    }
}

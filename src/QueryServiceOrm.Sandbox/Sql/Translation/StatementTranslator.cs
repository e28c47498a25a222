using System.Text.Json;
using QueryServiceOrm.Sandbox.Catalog;
using QueryServiceOrm.Sandbox.Sql.Syntax;
using QueryServiceOrm.Sandbox.Wire;

namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>
/// Translates one statement: queries, INSERT INTO ... SELECT, CTAS with its options, CREATE TABLE with ROW/ARRAY/MAP and
/// identities, DROP (the user's own tables only), ALTER TABLE, views, schemas, SHOW, SET, BEGIN and ROLLBACK, EXPLAIN,
/// prepared statements and cursors. What the service keeps about a dataset (labels, identities, map types) travels in a
/// marker comment that the backend's event trigger stores with the table, atomically with the DDL.
/// </summary>
internal sealed class StatementTranslator(TranslationContext context)
{
    private readonly QueryTranslator _queries = new(context);

    private ExpressionTranslator Expressions => _queries.Expressions;

    public IReadOnlyList<FrontStatement> Translate(Statement statement)
        => statement switch
        {
            QueryStatement query => [Backend(_queries.Translate(query.Query, null, QueryRole.Client).Sql)],
            InsertStatement insert => [Backend(Insert(insert))],
            CreateTableAsStatement ctas => [Backend(CreateTableAs(ctas))],
            CreateTableStatement create => [Backend(CreateTable(create))],
            CreateViewStatement view => [Backend(CreateView(view))],
            DropStatement drop => [Backend(Drop(drop))],
            CreateNamespaceStatement create => [Backend(CreateNamespace(create))],
            AddColumnsStatement add => [Backend(AddColumns(add))],
            ConstraintStatement constraint => [Backend(Constraint(constraint))],
            ShowStatement show => [CatalogStatements.Show(show.What, context)],
            SetStatement set => [SessionStatements.Set(set)],
            TransactionStatement transaction => [SessionStatements.Transaction(transaction.Kind)],
            ExplainStatement explain => [Backend(Explain(explain))],
            BlockStatement block => Block(block),
            PrepareStatement prepare => [Backend($"PREPARE {PgSql.Identifier(prepare.Name.Value)} AS {Single(prepare.Body)}")],
            ExecuteStatement execute => [Backend($"EXECUTE {PgSql.Identifier(execute.Name.Value)}{Arguments(execute.Arguments)}")],
            DeallocateStatement deallocate
                => [Backend(deallocate.Name is null ? "DEALLOCATE ALL" : $"DEALLOCATE {PgSql.Identifier(deallocate.Name.Value)}")],
            DeclareCursorStatement cursor => [
                Backend(
                    $"DECLARE {PgSql.Identifier(cursor.Name.Value)} CURSOR WITH HOLD FOR "
                    + $"{_queries.Translate(cursor.Query, null, QueryRole.Write).Sql}")],
            FetchStatement fetch => [
                Backend(
                    $"FETCH {(fetch.Count is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "ALL")} FROM "
                    + $"{PgSql.Identifier(fetch.Name.Value)}")],
            CloseCursorStatement close => [Backend($"CLOSE {PgSql.Identifier(close.Name.Value)}")],
            SetVariableStatement => throw new ServiceErrorException(
                ServiceRules.SyntaxError(
                    "SET @variable is valid only inside an anonymous block ($$ BEGIN ... END $$).", statement.Position)),
            UnsupportedStatement unsupported
                => throw new ServiceErrorException(
                    ServiceRules.NotSupported(unsupported.Kind, "Query Service runs queries, writes and the DDL of its documentation.")),
            _ => throw new ArgumentOutOfRangeException(nameof(statement)),
        };

    private static BackendStatement Backend(string sql) => new(sql);

    private string Single(Statement statement)
        => Translate(statement) is [BackendStatement backend]
            ? backend.Sql
            : throw new ServiceErrorException(ServiceRules.NotSupported("Preparing this statement", "Prepare a query or a write."));

    private string Arguments(IReadOnlyList<Expr> arguments)
        => arguments.Count == 0
            ? ""
            : "(" + string.Join(", ", arguments.Select(a => Expressions.Native(Expressions.Translate(a, new Scope(null))).Text)) + ")";

    // Each statement of the block runs on its own, as the service runs them; variables are not emulated.
    private IReadOnlyList<FrontStatement> Block(BlockStatement block)
    {
        if (block.Statements.FirstOrDefault(s => s is SetVariableStatement) is { } variable)
        {
            throw new ServiceErrorException(
                ServiceRules.NotEmulated(
                    "SET @variable in an anonymous block",
                    "the sandbox runs a block's statements one after the other, but does not carry values between them."));
        }

        return block.Statements.SelectMany(Translate).ToList();
    }

    private CatalogTable Table(IReadOnlyList<Identifier> name)
        => context.Catalog.Find(name.Select(n => n.Value).ToList())
            ?? throw new ServiceErrorException(ServiceRules.TableNotFound(string.Join(".", name)));

    // INSERT INTO t [(cols)] SELECT ...: by position, each value cast to its column's type (Spark's store assignment).
    private string Insert(InsertStatement insert)
    {
        var table = Table(insert.Table);
        if (table.IsView)
        {
            throw new ServiceErrorException(ServiceRules.NotSupported($"Inserting into the view {table.Name}", "Insert into a table."));
        }

        var columns = insert.Columns is null
            ? table.Columns.ToList()
            : insert.Columns.Select(
                c => table.Column(c.Value)
                    ?? throw new ServiceErrorException(ServiceRules.ColumnNotFound(c.Value, table.Columns.Select(x => x.Name)))).ToList();
        var source = _queries.Translate(insert.Source, null, QueryRole.Write);
        if (source.Columns.Count != columns.Count)
        {
            throw new ServiceErrorException(ServiceRules.Analysis(
                $"Cannot write to '{table.Name}', the data to be inserted has {source.Columns.Count} columns, but the target table has "
                + $"{columns.Count}"));
        }

        var target = $"INSERT INTO {table.Sql} ({string.Join(", ", columns.Select(c => PgSql.Identifier(c.Name)))}) ";
        if (source.Columns.Select(c => c.Type).Zip(columns, (s, t) => SparkTypes.SameStorage(s, t.Type)).All(x => x))
        {
            return target + source.Sql;
        }

        // By position: the source's names may repeat (two parameters are both "parameter" to Spark).
        var alias = context.NewAlias("source");
        var values = source.Columns.Select(
            (c, i) => Assign(new TypedSql($"{alias}.{QueryTranslator.Positional(i)}", c.Type), columns[i].Type, table, columns[i].Name));
        return target + $"SELECT {string.Join(", ", values)} FROM ({source.Sql}) AS "
            + $"{QueryTranslator.PositionalAlias(alias, source.Columns.Count)}";
    }

    private string Assign(TypedSql value, SparkType target, CatalogTable table, string column)
    {
        try
        {
            context.Require(target);
            return Expressions.Coerce(value, target).Text;
        }
        catch (ServiceErrorException)
        {
            throw new ServiceErrorException(
                ServiceRules.Analysis(
                    $"Cannot write incompatible data to table '{table.Name}': cannot safely cast '{column}': {value.Type} to {target}"));
        }
    }

    private string CreateTableAs(CreateTableAsStatement ctas)
    {
        var name = NewTableName(ctas.Table);
        var query = _queries.Translate(ctas.Query, null, QueryRole.Write);
        var metadata = Metadata(ctas.Options, []);
        var columns = MapColumnComments(query.Columns.Select(c => (c.Name, c.Type)));
        var kind = ctas.Temporary ? "TEMPORARY TABLE" : "TABLE";
        return $"CREATE {kind} {(ctas.IfNotExists ? "IF NOT EXISTS " : "")}{name} AS {query.Sql}{Marker(metadata, columns)}";
    }

    private string CreateTable(CreateTableStatement create)
    {
        var name = NewTableName(create.Table);
        var columns = create.Columns.Select(
            c => (c.Name.Value, Type: SparkType.From(c.Type, Expressions.StructName), Definition: c)).ToList();
        foreach (var column in columns)
        {
            context.Require(column.Type);
        }

        var identities = create.Columns.Where(c => c.IdentityNamespace is not null)
            .Select(c => new DatasetIdentity(c.Name.Value, c.IdentityNamespace!, c.PrimaryIdentity)).ToList();
        var metadata = Metadata(create.Options, identities);
        var definitions = columns.Select(
            c => $"{PgSql.Identifier(c.Value)} {ColumnType(c.Type, c.Definition.Type)}{(c.Definition.NotNull ? " NOT NULL" : "")}");
        var kind = create.Temporary ? "TEMPORARY TABLE" : "TABLE";
        return $"CREATE {kind} {(create.IfNotExists ? "IF NOT EXISTS " : "")}{name} ({string.Join(", ", definitions)})"
            + $"{Marker(metadata, MapColumnComments(columns.Select(c => (c.Value, c.Type))))}";
    }

    // varchar(n) and char(n) keep their length checks; everything else is the Spark type's backend type.
    private static string ColumnType(SparkType type, DataTypeSyntax written)
        => written is PrimitiveTypeSyntax { Name: "varchar" or "char" or "character", Arguments.Count: 1 } p
            ? $"varchar({p.Arguments[0]})"
            : type.PgName;

    private string NewTableName(IReadOnlyList<Identifier> name)
    {
        var table = name[^1].Value;
        if (table.Contains("__", StringComparison.Ordinal))
        {
            throw new ServiceErrorException(ServiceRules.DoubleUnderscore(table));
        }

        return name.Count == 1
            ? $"{PgSql.Identifier("public")}.{PgSql.Identifier(table)}"
            : $"{PgSql.Identifier(NamespaceName(name.SkipLast(1).ToList()))}.{PgSql.Identifier(table)}";
    }

    // A Data Distiller database is a backend schema; a schema of a database (db.schema) one named "db.schema".
    private static string NamespaceName(IReadOnlyList<Identifier> name)
        => name.Count <= 2
            ? string.Join(".", name.Select(n => n.Value))
            : throw new ServiceErrorException(ServiceRules.Analysis($"{string.Join(".", name)} is not a database or database.schema name"));

    private static string CreateNamespace(CreateNamespaceStatement create)
    {
        var name = NamespaceName(create.Name);
        var kind = create.Kind == "DATABASE" ? "database" : "schema";
        var database = create.Name.Count == 2 ? create.Name[0].Value : kind == "database" ? name : "";
        var json = JsonSerializer.Serialize(new { schema = $"qsorm:{kind}:{database}" });
        return $"CREATE SCHEMA {(create.IfNotExists ? "IF NOT EXISTS " : "")}{PgSql.Identifier(name)} /*qsorm:metadata "
            + $"{Convert.ToBase64String(Encoding.UTF8.GetBytes(json))}*/";
    }

    private static DatasetMetadata Metadata(IReadOnlyList<(string Key, string Value)> options, IReadOnlyList<DatasetIdentity> identities)
    {
        string? Option(string key) => options.LastOrDefault(o => o.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Value;
        var unknown = options.Select(o => o.Key)
            .FirstOrDefault(k => k.ToLowerInvariant() is not ("schema" or "rowvalidation" or "label" or "labels"));
        if (unknown is not null)
        {
            throw new ServiceErrorException(
                ServiceRules.SyntaxError($"Unknown table option '{unknown}': Query Service takes schema, rowvalidation and label.", -1));
        }

        var label = Option("label") ?? Option("labels");
        return new DatasetMetadata
        {
            Labels = label is null
                ? []
                : label.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(l => l.ToUpperInvariant())
                    .ToList(),
            XdmSchema = Option("schema"),
            Identities = identities.OrderByDescending(i => i.Primary).ToList(),
            DataSetId = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).ToLowerInvariant(),
        };
    }

    // Maps, and arrays of arrays or maps, are JSON on the backend: their Spark type is kept in the column's comment.
    private static Dictionary<string, string> MapColumnComments(IEnumerable<(string Name, SparkType Type)> columns)
        => columns.Where(c => c.Type is MapType or ArrayType { IsJsonBacked: true })
            .ToDictionary(c => c.Name, c => CatalogReader.TypeCommentPrefix + c.Type.Name);

    /// <summary>The comment the backend's event trigger reads to store a table's metadata with it.</summary>
    public static string Marker(DatasetMetadata metadata, IReadOnlyDictionary<string, string> columns)
    {
        var json = JsonSerializer.Serialize(new { table = metadata.ToComment(), columns });
        return " /*qsorm:metadata " + Convert.ToBase64String(Encoding.UTF8.GetBytes(json)) + "*/";
    }

    private string CreateView(CreateViewStatement view)
    {
        var query = _queries.Translate(view.Query, null, QueryRole.Write);
        var columns = view.Columns.Count == 0 ? "" : "(" + string.Join(", ", view.Columns.Select(c => PgSql.Identifier(c.Value))) + ")";
        var name = view.Name.Count == 1 ? $"{PgSql.Identifier("public")}.{PgSql.Identifier(view.Name[0].Value)}" : NewTableName(view.Name);
        return $"CREATE {(view.OrReplace ? "OR REPLACE " : "")}{(view.Temporary ? "TEMPORARY " : "")}VIEW "
            + $"{(view.Temporary ? PgSql.Identifier(view.Name[^1].Value) : name)}{columns} AS {query.Sql}";
    }

    // DROP TABLE: only tables this user made (the datasets belong to the sandbox): 42501 otherwise, as on the service.
    private string Drop(DropStatement drop)
    {
        if (drop.Kind is "SCHEMA" or "DATABASE")
        {
            return $"DROP SCHEMA {(drop.IfExists ? "IF EXISTS " : "")}{PgSql.Identifier(NamespaceName(drop.Name))}"
                + $"{(drop.Cascade ? " CASCADE" : "")}";
        }

        var table = context.Catalog.Find(drop.Name.Select(n => n.Value).ToList());
        if (table is null)
        {
            return drop.IfExists
                ? $"DROP {drop.Kind} IF EXISTS {PgSql.Identifier("public")}.{PgSql.Identifier(drop.Name[^1].Value)}"
                : throw new ServiceErrorException(ServiceRules.TableNotFound(string.Join(".", drop.Name)));
        }

        if (table.IsView != (drop.Kind == "VIEW"))
        {
            throw new ServiceErrorException(
                ServiceRules.Analysis(
                    $"{table.Name} is a {(table.IsView ? "view" : "table")}: use DROP {(table.IsView ? "VIEW" : "TABLE")}"));
        }

        if (!table.IsView && table.Owner != context.Session.User)
        {
            throw new ServiceErrorException(ServiceRules.NotOwner(table.Name));
        }

        return $"DROP {drop.Kind} {table.Sql}";
    }

    private string AddColumns(AddColumnsStatement add)
    {
        var table = Table(add.Table);
        var columns = add.Columns.Select(c => (c.Name.Value, Type: SparkType.From(c.Type, Expressions.StructName), c.Type)).ToList();
        foreach (var column in columns)
        {
            context.Require(column.Item2);
        }

        var definitions = columns.Select(c => $"ADD COLUMN {PgSql.Identifier(c.Value)} {ColumnType(c.Item2, c.Item3)}");
        return $"ALTER TABLE {table.Sql} {string.Join(", ", definitions)}"
            + $"{Marker(table.Metadata, MapColumnComments(columns.Select(c => (c.Value, c.Item2))))}";
    }

    // ADD CONSTRAINT PRIMARY KEY (c) NAMESPACE 'ns' and the identity forms change the dataset's identities, which the
    // sandbox keeps with the table; the service enforces no uniqueness, and neither does the sandbox.
    private string Constraint(ConstraintStatement constraint)
    {
        var table = Table(constraint.Table);
        var columns = constraint.Columns.Select(
            c => table.Column(c.Value)?.Name
                ?? throw new ServiceErrorException(ServiceRules.ColumnNotFound(c.Value, table.Columns.Select(x => x.Name)))).ToList();
        var identities = table.Metadata.Identities.Where(i => !columns.Contains(i.Column)).ToList();
        if (constraint.Add && constraint.Kind != "FOREIGN KEY")
        {
            var primary = constraint.Kind is "PRIMARY KEY" or "PRIMARY IDENTITY";
            identities.AddRange(columns.Select(c => new DatasetIdentity(c, constraint.Namespace ?? "", primary)));
        }

        var metadata = table.Metadata with { Identities = identities.OrderByDescending(i => i.Primary).ToList() };
        return $"COMMENT ON TABLE {table.Sql} IS {PgSql.Literal(metadata.ToComment())}";
    }

    private string Explain(ExplainStatement explain)
    {
        var inner = explain.Inner switch
        {
            QueryStatement query => _queries.Translate(query.Query, null, QueryRole.Write).Sql,
            InsertStatement or CreateTableAsStatement => Single(explain.Inner),
            _ => throw new ServiceErrorException(ServiceRules.NotSupported("EXPLAIN of this statement", "Explain a query or a write.")),
        };
        return explain.Format == "JSON" ? $"EXPLAIN (FORMAT JSON) {inner}" : $"EXPLAIN {inner}";
    }
}

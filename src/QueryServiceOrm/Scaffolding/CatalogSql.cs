namespace QueryServiceOrm.Scaffolding;

/// <summary>
/// The catalog queries of scaffolding, the same tables psql's <c>\d</c> reads: one statement each for the columns of every
/// table, the fields of every composite type and the primary keys, so round trips do not grow with the tables.
/// </summary>
/// <param name="ShowTables">The service's documented table list (refused by PostgreSQL, which then answers from its catalog).</param>
/// <param name="Columns">The columns of every table.</param>
/// <param name="CompositeFields">The fields of every composite type.</param>
/// <param name="PrimaryKeys">The primary keys.</param>
internal sealed record CatalogSql(string ShowTables, string Columns, string CompositeFields, string PrimaryKeys)
{
    /// <summary>The queries psql's catalog answers.</summary>
    public static readonly CatalogSql Default = new("SHOW TABLES", ColumnsSql, CompositeFieldsSql, PrimaryKeysSql);

    // schema, table, column, store type, not null, type kind, type name, element kind, element name, relation kind,
    // type key, element key (composite types are keyed by oid: two schemas may both have a type of one name)
    private const string ColumnsSql = """
        SELECT n.nspname, c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
          CAST(t.typtype AS text), t.typname, CAST(e.typtype AS text), e.typname, CAST(c.relkind AS text),
          CAST(t.oid AS text), CAST(e.oid AS text)
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_catalog.pg_type e ON e.oid = t.typelem AND t.typlen = -1 AND t.typelem <> 0
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'
        ORDER BY n.nspname, c.relname, a.attnum
        """;

    // type key, field, store type, type kind, type name, element kind, element name, (unused), field type key, element key
    private const string CompositeFieldsSql = """
        SELECT CAST(t.oid AS text), a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), CAST(f.typtype AS text), f.typname,
          CAST(e.typtype AS text), e.typname,
          NULL, CAST(f.oid AS text), CAST(e.oid AS text)
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
        JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        JOIN pg_catalog.pg_type f ON f.oid = a.atttypid
        LEFT JOIN pg_catalog.pg_type e ON e.oid = f.typelem AND f.typlen = -1 AND f.typelem <> 0
        ORDER BY t.typname, a.attnum
        """;

    // schema, table, constraint, column (in key order)
    private const string PrimaryKeysSql = """
        SELECT n.nspname, c.relname, k.conname, a.attname
        FROM pg_catalog.pg_constraint k
        JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        CROSS JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS u(attnum, position)
        JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = u.attnum
        WHERE k.contype = 'p'
        ORDER BY n.nspname, c.relname, u.position
        """;
}

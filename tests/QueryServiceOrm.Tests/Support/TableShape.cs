namespace QueryServiceOrm.Tests.Support;

/// <summary>A stand-in table's shape, read with psql.</summary>
internal static class TableShape
{
    /// <summary>
    /// Every column and nested field with its type, in the order they are declared. A composite shows as <c>composite</c>
    /// (<c>composite[]</c> for an array of
    /// them): the names the emulator gives its composite types are its own, the fields under them are the shape.
    /// </summary>
    public static Task<IReadOnlyList<IReadOnlyList<string?>>> ReadAsync(QueryServiceSandbox sandbox, string table)
        => sandbox.PsqlAsync(Sql(table));

    /// <summary>The hand-written PostgreSQL <see cref="ReadAsync"/> runs.</summary>
    public static string Sql(string table)
        => $"""
            WITH RECURSIVE f(path, type, ord) AS (
              SELECT a.attname::text, a.atttypid, ARRAY[a.attnum] FROM pg_attribute a WHERE a.attrelid = '{table}'::regclass AND a.attnum > 0 AND NOT a.attisdropped
              UNION ALL
              SELECT f.path || '.' || a.attname, a.atttypid, f.ord || a.attnum
              FROM f JOIN pg_type t ON t.oid = f.type
                JOIN pg_type c ON c.oid = CASE WHEN t.typelem <> 0 AND t.typlen = -1 THEN t.typelem ELSE t.oid END
                JOIN pg_attribute a ON a.attrelid = c.typrelid AND a.attnum > 0 AND c.typtype = 'c')
            SELECT f.path, CASE WHEN t.typtype = 'c' THEN 'composite' WHEN e.typtype = 'c' THEN 'composite[]' ELSE format_type(f.type, NULL) END
            FROM f JOIN pg_type t ON t.oid = f.type LEFT JOIN pg_type e ON e.oid = t.typelem AND t.typlen = -1
            ORDER BY f.ord
            """;

    /// <summary>
    /// A row of a seeded sample table's shape as the library declares that column (a double as the service's documented
    /// <c>float</c>, a DateTime as <c>datetime</c>) and the emulator stores it, as Spark does: FLOAT is 4 bytes, a timestamp has no zone.
    /// </summary>
    public static IReadOnlyList<string?> AsDeclared(IReadOnlyList<string?> row)
        => [
            row[0],
            row[1] switch { "double precision" => "real", "timestamp with time zone" => "timestamp without time zone", var type => type }];
}

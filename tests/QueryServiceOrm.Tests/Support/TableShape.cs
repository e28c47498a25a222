using QueryServiceOrm.Sandbox;

namespace QueryServiceOrm.Tests.Support;

/// <summary>A stand-in table's shape, read with psql.</summary>
internal static class TableShape
{
    /// <summary>Every column and nested field with its type, the table prefix left out of composite type names.</summary>
    public static Task<IReadOnlyList<IReadOnlyList<string?>>> ReadAsync(QueryServiceSandbox sandbox, string table, string prefix)
        => sandbox.PsqlAsync($"""
            WITH RECURSIVE f(path, type) AS (
              SELECT a.attname::text, a.atttypid FROM pg_attribute a WHERE a.attrelid = '{table}'::regclass AND a.attnum > 0 AND NOT a.attisdropped
              UNION ALL
              SELECT f.path || '.' || a.attname, a.atttypid
              FROM f JOIN pg_type t ON t.oid = f.type
                JOIN pg_type c ON c.oid = CASE WHEN t.typelem <> 0 AND t.typlen = -1 THEN t.typelem ELSE t.oid END
                JOIN pg_attribute a ON a.attrelid = c.typrelid AND a.attnum > 0 AND c.typtype = 'c')
            SELECT path, replace(format_type(type, NULL), '{prefix}_', '') FROM f ORDER BY path
            """);
}

using Npgsql;
using QueryServiceOrm.Sandbox.Sql.Parsing;
using QueryServiceOrm.Sandbox.Sql.Translation;

namespace QueryServiceOrm.Sandbox.Catalog;

/// <summary>
/// Reads tables, columns and types from pg_catalog in three statements, and gives each column its Spark type: composite types
/// become structs, arrays arrays, and JSON columns the map (or nested array) type written in their comment by the front.
/// </summary>
internal static class CatalogReader
{
    // The comment the front puts on a JSON column (or composite attribute) that holds a map or a nested array.
    public const string TypeCommentPrefix = "qsorm:type=";

    private const string UserSchemas =
        "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'qsorm_meta', 'qsorm_spark') AND n.nspname NOT LIKE "
        + "'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'";

    private sealed record PgType(uint Oid, string Schema, string Name, char Kind, uint Element, uint Relation, uint BaseType);

    private sealed record PgAttribute(uint Relation, string Name, uint Type, int TypeModifier, bool NotNull, string? Comment);

    public static async Task<CatalogSnapshot> ReadAsync(NpgsqlConnection connection, long version, CancellationToken cancellationToken)
    {
        var types = new Dictionary<uint, PgType>();
        await foreach (var row in RowsAsync(connection, """
            SELECT t.oid, n.nspname, t.typname, t.typtype::text, t.typelem, t.typrelid, t.typbasetype
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            """, cancellationToken).ConfigureAwait(false))
        {
            var type = new PgType(
                (uint)row[0]!, (string)row[1]!, (string)row[2]!, ((string)row[3]!)[0], (uint)row[4]!, (uint)row[5]!, (uint)row[6]!);
            types[type.Oid] = type;
        }

        var attributes = new List<PgAttribute>();
        await foreach (var row in RowsAsync(connection, $"""
            SELECT a.attrelid, a.attname, a.atttypid, a.atttypmod, a.attnotnull, col_description(a.attrelid, a.attnum)
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c') AND ({UserSchemas} OR n.nspname = 'qsorm_struct')
            ORDER BY a.attrelid, a.attnum
            """, cancellationToken).ConfigureAwait(false))
        {
            attributes.Add(new PgAttribute((uint)row[0]!, (string)row[1]!, (uint)row[2]!, (int)row[3]!, (bool)row[4]!, row[5] as string));
        }

        var byRelation = attributes.ToLookup(a => a.Relation);
        var mapper = new TypeMapper(types, byRelation);
        var tables = new List<CatalogTable>();
        await foreach (var row in RowsAsync(connection, $"""
            SELECT c.oid, n.nspname, c.relname, c.relkind::text, pg_get_userbyid(c.relowner), obj_description(c.oid, 'pg_class')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND {UserSchemas} AND n.nspname <> 'qsorm_struct' AND NOT c.relispartition
            ORDER BY n.nspname, c.relname
            """, cancellationToken).ConfigureAwait(false))
        {
            var columns = byRelation[(uint)row[0]!]
                .Select(a => new CatalogColumn(a.Name, mapper.Map(a.Type, a.TypeModifier, a.Comment), a.NotNull))
                .ToList();
            tables.Add(new CatalogTable(
                (string)row[1]!, (string)row[2]!, (string)row[3]! is "v"
                    or "m", (string)row[4]!, columns, DatasetMetadata.FromComment(row[5] as string)));
        }

        var structTypes = types.Values.Where(t => t.Schema == PgSql.StructSchema && t.Kind == 'c')
            .Select(t => t.Name)
            .ToHashSet(StringComparer.Ordinal);
        return new CatalogSnapshot(version, tables, structTypes);
    }

    private static async IAsyncEnumerable<object?[]> RowsAsync(
        NpgsqlConnection connection, string sql,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            yield return row;
        }
    }

    // PostgreSQL types to Spark's; composite types become structs named by their backend type, once each.
    private sealed class TypeMapper(Dictionary<uint, PgType> types, ILookup<uint, PgAttribute> attributes)
    {
        private readonly Dictionary<uint, StructType> _structs = [];

        public SparkType Map(uint oid, int modifier, string? comment)
        {
            if (comment is not null && comment.StartsWith(TypeCommentPrefix, StringComparison.Ordinal))
            {
                return SparkType.From(SparkParser.ParseDataType(comment[TypeCommentPrefix.Length..]), BackendCatalog.StructTypeName);
            }

            return Map(oid, modifier);
        }

        private SparkType Map(uint oid, int modifier)
        {
            if (!types.TryGetValue(oid, out var type))
            {
                return SparkType.Unknown;
            }

            if (type.Kind == 'd')
            {
                return Map(type.BaseType, modifier);
            }

            if (type.Kind == 'c')
            {
                return Struct(type);
            }

            if (type.Element != 0 && type.Name.StartsWith('_'))
            {
                return new ArrayType(Map(type.Element, -1));
            }

            return type.Kind == 'e' ? SparkType.String : Builtin(type.Name, modifier);
        }

        private StructType Struct(PgType type)
        {
            if (!_structs.TryGetValue(type.Oid, out var result))
            {
                var fields = attributes[type.Relation]
                    .Select(a => new StructField(a.Name, Map(a.Type, a.TypeModifier, a.Comment)))
                    .ToList();
                result = new StructType(fields, $"{PgSql.Identifier(type.Schema)}.{PgSql.Identifier(type.Name)}");
                _structs[type.Oid] = result;
            }

            return result;
        }

        private static SparkType Builtin(string name, int modifier)
            => name switch
            {
                "bool" => SparkType.Boolean,
                "int2" => SparkType.Short,
                "int4" or "oid" => SparkType.Int,
                "int8" => SparkType.Long,
                "float4" => SparkType.Float,
                "float8" => SparkType.Double,
                "numeric" => modifier >= 4
                    ? new DecimalType(((modifier - 4) >> 16) & 0xFFFF, (modifier - 4) & 0xFFFF)
                    : new DecimalType(38, 18),
                "text" or "varchar" or "bpchar" or "name" or "char" or "uuid" or "citext" => SparkType.String,
                "date" => SparkType.Date,
                "timestamp" or "timestamptz" => SparkType.Timestamp,
                "bytea" => SparkType.Binary,
                "interval" => SparkType.Interval,
                _ => SparkType.Unknown,
            };
    }
}

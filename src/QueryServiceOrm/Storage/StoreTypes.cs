using System.Text.RegularExpressions;

namespace QueryServiceOrm.Storage;

/// <summary>
/// The one table of scalar store types: read by the SQL generator's casts, by CREATE TABLE and ADD COLUMN, and by the
/// scaffolder. A type lives in one row, so a cast, a column and a scaffolded property cannot disagree about it.
/// </summary>
internal static partial class StoreTypes
{
    private static readonly StoreType[] Rows =
    [
        new(["integer", "int", "int4"], "int", "int", [typeof(int), typeof(ushort)], "integer", "integer"),
        new(["bigint", "int8", "long"], "bigint", "long", [typeof(long), typeof(uint)], "bigint", "bigint"),
        new(["smallint", "int2", "short"], "smallint", "short", [typeof(short), typeof(byte)], "integer", "smallint"),
        new(["tinyint", "byte"], null, "short", [typeof(sbyte)], "integer", "tinyint"),
        new(["double precision", "float8", "double", "float"], "double", "double", [typeof(double)], "double", "double"),
        new(["real", "float4"], "float", "float", [typeof(float)], "float", "double"),
        new(["boolean", "bool"], "boolean", "bool", [typeof(bool)], "boolean"),
        new(["numeric", "decimal"], "decimal", "decimal", [typeof(decimal)]),
        new(["text", "character varying", "varchar", "character", "char", "citext", "string"], "string", "string",
            [typeof(string), typeof(char)], "text"),
        new(["uuid"], "string", "global::System.Guid", [typeof(Guid)], "text"),
        new(
            [
                "timestamp with time zone", "timestamptz", "timestamp without time zone", "timestamp", "datetime", "timestamp_ntz",
                "timestamp_ltz",
            ],
            "timestamp",
            "global::System.DateTime", [typeof(DateTime), typeof(DateTimeOffset)], "datetime", "datetime"),
        new(["date"], "date", "global::System.DateOnly", [typeof(DateOnly)], "date", "date"),
        new(["bytea", "binary"], "binary", "byte[]", []),
        new(["oid"], null, "uint", []),
        new(["money"], null, "decimal", []),
        new(["interval"], null, "global::System.TimeSpan", []),
        new(["time", "time without time zone"], null, "global::System.TimeOnly", []),
        new(["time with time zone", "timetz"], null, "global::System.DateTimeOffset", []),
        new(["inet", "cidr"], null, "global::System.Net.IPAddress", []),
    ];

    private static readonly Dictionary<string, StoreType> ByName = Rows
        .SelectMany(row => row.Names.Select(name => (name, row)))
        .ToDictionary(pair => pair.name, pair => pair.row, StringComparer.Ordinal);

    private static readonly Dictionary<Type, StoreType> ByClrType = Rows
        .SelectMany(row => row.ClrTypes.Select(type => (type, row)))
        .ToDictionary(pair => pair.type, pair => pair.row);

    /// <summary>The row of a store type as written anywhere (any case, with or without its arguments), if it has one.</summary>
    /// <param name="storeType">The store type, e.g. <c>numeric(10,2)</c> or <c>timestamp(3) with time zone</c>.</param>
    /// <param name="arguments">Its arguments (<c>10,2</c>), or null.</param>
    public static StoreType? Find(string storeType, out string? arguments)
    {
        var match = Arguments().Match(storeType);
        arguments = match.Success ? match.Groups["args"].Value : null;
        var name = Arguments().Replace(storeType.Trim().ToLowerInvariant(), "");
        return ByName.GetValueOrDefault(name);
    }

    /// <summary>The row of what a C# type (an enum by its underlying type) is stored as, if it has one.</summary>
    public static StoreType? For(Type clrType)
        => ByClrType.GetValueOrDefault(clrType.IsEnum ? Enum.GetUnderlyingType(clrType) : clrType);

    [GeneratedRegex(@"\s*\((?<args>[0-9, ]+)\)")]
    private static partial Regex Arguments();
}

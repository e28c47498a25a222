namespace QueryServiceOrm.Scaffolding;

/// <summary>
/// What XDM's standard defines and the catalog cannot show. Query Service reports a map column as <c>anymap</c>, without
/// its value type, but the Identity Map field group fixes <c>identityMap</c>'s: an array of identity items per namespace.
/// Every XDM record carries <c>_id</c>, its unique identifier, which the data lake never enforces but ingestion sets.
/// </summary>
internal static class XdmStandardFields
{
    /// <summary>The XDM name of the record identifier.</summary>
    public const string RecordId = "_id";

    private const string IdentityMap = "identityMap";

    /// <summary>A column's structure, with the standard's value type for an <c>identityMap</c> the catalog left untyped.</summary>
    /// <param name="column">The column name.</param>
    /// <param name="type">The structure the catalog gave.</param>
    public static XdmColumnType Refine(string column, XdmColumnType type)
        => column == IdentityMap && type is { Kind: XdmValueKind.Map, Element.Kind: XdmValueKind.Json }
            ? type with { Element = IdentityItems }
            : type;

    /// <summary>Whether a column can be the key: the record identifier, a string.</summary>
    /// <param name="column">The column name.</param>
    /// <param name="type">Its structure.</param>
    public static bool IsRecordId(string column, XdmColumnType type)
        => column == RecordId && type.Kind == XdmValueKind.Scalar && IsString(type.StoreType);

    private static bool IsString(string storeType)
        => storeType.ToLowerInvariant() is "text" or "string"
           || storeType.StartsWith("character varying", StringComparison.OrdinalIgnoreCase)
           || storeType.StartsWith("varchar", StringComparison.OrdinalIgnoreCase);

    private static readonly XdmColumnType IdentityItems = new(
        XdmValueKind.Array, "array<struct<id:string,authenticatedState:string,primary:boolean>>")
    {
        Element = new XdmColumnType(XdmValueKind.Object, "struct<id:string,authenticatedState:string,primary:boolean>")
        {
            ClassName = "IdentityItem",
            Fields =
            [
                ("id", new XdmColumnType(XdmValueKind.Scalar, "text")),
                ("authenticatedState", new XdmColumnType(XdmValueKind.Scalar, "text")),
                ("primary", new XdmColumnType(XdmValueKind.Scalar, "boolean")),
            ],
        },
    };
}

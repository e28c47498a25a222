namespace QueryServiceOrm.Xdm;

/// <summary>
/// The service's nested column types as CREATE TABLE writes them: <c>ROW(...)</c>, <c>ARRAY&lt;...&gt;</c> and
/// <c>MAP&lt;...&gt;</c>. An XDM property's column type is one of them, so every EF artefact that keeps column types (model
/// snapshots, migration target models, compiled models) keeps the structure, where a converter alone would be lost.
/// </summary>
internal static class XdmStoreTypes
{
    /// <summary>The column type of nested data read as JSON text (<c>to_json</c>), as EF's scaffolder maps it.</summary>
    public const string JsonText = "json";

    public static bool IsNested(string? storeType)
        => storeType is not null
           && (storeType.StartsWith("ROW(", StringComparison.OrdinalIgnoreCase)
               || storeType.StartsWith("ARRAY<", StringComparison.OrdinalIgnoreCase)
               || storeType.StartsWith("MAP<", StringComparison.OrdinalIgnoreCase));
}

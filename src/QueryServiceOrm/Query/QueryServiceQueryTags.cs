namespace QueryServiceOrm.Query;

/// <summary>
/// Query tags through which the library's queryable operators reach its SQL generator in the query tree. The generator
/// reads them and never writes them; EF's own generator would write them as <c>--</c> comment lines.
/// </summary>
internal static class QueryServiceQueryTags
{
    public const string WithoutRowLimit = "QueryServiceOrm:WithoutRowLimit";

    /// <summary>Whether a tag is the library's, read by the SQL generator and never written.</summary>
    public static bool IsLibraryTag(string tag) => tag.StartsWith(Prefix, StringComparison.Ordinal);

    private const string Prefix = "QueryServiceOrm:";
}

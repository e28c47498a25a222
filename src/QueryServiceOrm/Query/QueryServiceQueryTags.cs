namespace QueryServiceOrm.Query;

/// <summary>
/// Query tags through which the library's queryable operators reach the SQL generator and the command
/// interceptor. EF writes tags as <c>--</c> comment lines at the top of the statement.
/// </summary>
internal static class QueryServiceQueryTags
{
    public const string WithoutRowLimit = "QueryServiceOrm:WithoutRowLimit";

    /// <summary>Whether a tag is the library's (these, and a write target's), read by the SQL generator and never written.</summary>
    public static bool IsLibraryTag(string tag) => tag.StartsWith("QueryServiceOrm:", StringComparison.Ordinal);
}

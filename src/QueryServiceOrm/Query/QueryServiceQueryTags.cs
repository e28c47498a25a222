namespace QueryServiceOrm.Query;

/// <summary>
/// Query tags through which the library's queryable operators reach the SQL generator and the command
/// interceptor. EF writes tags as <c>--</c> comment lines at the top of the statement.
/// </summary>
internal static class QueryServiceQueryTags
{
    public const string WithoutRowLimit = "QueryServiceOrm:WithoutRowLimit";

    private const string SnapshotPrefix = "QueryServiceOrm:Snapshot ";

    /// <summary>A tag asking for <c>FROM table SNAPSHOT clause</c>; the clause holds only keywords and validated ids.</summary>
    public static string Snapshot(string table, string clause) => $"{SnapshotPrefix}{clause} ON {table}";

    public static bool TryReadSnapshot(string tag, out string table, out string clause)
    {
        var on = tag.LastIndexOf(" ON ", StringComparison.Ordinal);
        if (!tag.StartsWith(SnapshotPrefix, StringComparison.Ordinal) || on < 0)
        {
            (table, clause) = ("", "");
            return false;
        }

        clause = tag[SnapshotPrefix.Length..on];
        table = tag[(on + 4)..];
        return true;
    }

    /// <summary>Whether a tag is the library's (these, and a write target's), read by the SQL generator and never written.</summary>
    public static bool IsLibraryTag(string tag) => tag.StartsWith("QueryServiceOrm:", StringComparison.Ordinal);
}

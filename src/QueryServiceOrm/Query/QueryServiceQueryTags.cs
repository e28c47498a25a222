namespace QueryServiceOrm.Query;

/// <summary>
/// Query tags through which the library's queryable operators reach the SQL generator. They are read there and
/// never written into the SQL.
/// </summary>
internal static class QueryServiceQueryTags
{
    private const string Prefix = "QueryServiceOrm:";

    public const string WithoutRowLimit = Prefix + "WithoutRowLimit";

    public static bool IsOwn(string tag) => tag.StartsWith(Prefix, StringComparison.Ordinal);
}

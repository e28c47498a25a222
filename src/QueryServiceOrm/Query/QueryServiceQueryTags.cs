namespace QueryServiceOrm.Query;

/// <summary>
/// Query tags through which the library's queryable operators reach the SQL generator and the command
/// interceptor. EF writes tags as <c>--</c> comment lines at the top of the statement.
/// </summary>
internal static class QueryServiceQueryTags
{
    public const string WithoutRowLimit = "QueryServiceOrm:WithoutRowLimit";

    public static bool IsIn(string commandText, string tag) => commandText.Contains("-- " + tag, StringComparison.Ordinal);
}

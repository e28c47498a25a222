using System.Text.RegularExpressions;

namespace QueryServiceOrm.Query;

/// <summary>
/// What the SQL generator can tell of SQL it did not write (FromSql, SqlQuery), the one text it cannot know from the
/// query tree: whether it only reads, and whether it ends with a LIMIT of its own.
/// </summary>
internal static partial class HandWrittenSql
{
    /// <summary>A statement that only reads: it starts as a query does and names no writing keyword anywhere.</summary>
    public static bool IsRead(string sql) => ReadStart().IsMatch(sql) && !WriteKeyword().IsMatch(sql);

    /// <summary>Whether the statement's last line is a LIMIT (with an OFFSET or not), which states its rows.</summary>
    public static bool EndsWithLimit(string sql) => FinalLimit().IsMatch(sql);

    [GeneratedRegex(@"^(\s*--[^\n]*\n)*\s*(SELECT|WITH|SHOW|VALUES)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReadStart();

    // Conservative: a keyword inside a literal also counts, which only ever makes a read look like a write (no retry).
    [GeneratedRegex(@"\b(INSERT|CREATE|DROP|ALTER|DELETE|UPDATE|MERGE|TRUNCATE|COPY|GRANT|REVOKE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WriteKeyword();

    [GeneratedRegex(@"(^|\n)LIMIT\s+[0-9]+(\s+OFFSET\s+[0-9]+)?\s*;?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FinalLimit();
}

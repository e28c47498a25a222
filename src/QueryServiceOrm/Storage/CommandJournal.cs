using System.Text.RegularExpressions;

namespace QueryServiceOrm.Storage;

/// <summary>
/// What a context's commands did during the current execution-strategy operation: once anything but a read has been
/// sent, the operation is never retried, since the data lake cannot undo the part that already ran.
/// </summary>
internal sealed partial class CommandJournal
{
    /// <summary>Whether a command other than a read was sent since <see cref="Reset"/>.</summary>
    public bool WriteSent { get; private set; }

    public void Reset() => WriteSent = false;

    public void Record(string commandText) => WriteSent = WriteSent || !IsRead(commandText);

    /// <summary>A statement that only reads: it starts as a query does and names no writing keyword anywhere.</summary>
    public static bool IsRead(string commandText) => ReadStart().IsMatch(commandText) && !WriteKeyword().IsMatch(commandText);

    [GeneratedRegex(@"^(\s*--[^\n]*\n)*\s*(SELECT|WITH|SHOW|VALUES)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReadStart();

    // Conservative: a keyword inside a literal also counts, which only ever makes a read look like a write (no retry).
    [GeneratedRegex(@"\b(INSERT|CREATE|DROP|ALTER|DELETE|UPDATE|MERGE|TRUNCATE|COPY|GRANT|REVOKE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WriteKeyword();
}

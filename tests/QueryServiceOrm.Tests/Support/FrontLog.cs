using QueryServiceOrm.Sandbox.Wire;

namespace QueryServiceOrm.Tests.Support;

/// <summary>
/// What one application sent to the sandbox: the front's journal (the SQL as the service would receive it, and the sessions
/// it admitted) and the backend's log (the PostgreSQL the front or a direct client ran).
/// </summary>
internal static class FrontLog
{
    /// <summary>SQL texts as the front received them, in order.</summary>
    public static IReadOnlyList<string> Statements(QueryServiceSandbox sandbox, string applicationName)
        => Entries(sandbox, applicationName).Where(e => e.Outcome is not ("session" or "fault")).Select(e => e.Sql).ToList();

    /// <summary>Sessions the front admitted for an application name (each a physical connection of the client).</summary>
    public static int Connections(QueryServiceSandbox sandbox, string applicationName)
        => Entries(sandbox, applicationName).Count(e => e.Outcome == "session");

    /// <summary>Statements as the backend PostgreSQL logged them: simple-protocol "statement:" and extended-protocol "execute".</summary>
    public static IReadOnlyList<string> BackendStatements(QueryServiceSandbox sandbox, string applicationName)
        => BackendLines(sandbox, applicationName)
            .Where(l => l.Contains("LOG:  statement: ", StringComparison.Ordinal) || l.Contains("LOG:  execute ", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("LOG:  ", StringComparison.Ordinal) + 6)..])
            .ToList();

    /// <summary>Every backend log line for an application name.</summary>
    public static IReadOnlyList<string> BackendLines(QueryServiceSandbox sandbox, string applicationName)
        => sandbox.ReadServerLog().Split('\n').Where(l => l.Contains($" app={applicationName} ", StringComparison.Ordinal)).ToList();

    private static IEnumerable<JournalEntry> Entries(QueryServiceSandbox sandbox, string applicationName)
        => sandbox.ReadJournal().Where(e => e.Application == applicationName);
}

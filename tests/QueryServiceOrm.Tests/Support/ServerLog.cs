using QueryServiceOrm.Sandbox;

namespace QueryServiceOrm.Tests.Support;

/// <summary>Reads what the sandbox logged for one application name (the sandbox logs every statement and connection).</summary>
internal static class ServerLog
{
    public static IReadOnlyList<string> Lines(QueryServiceSandbox sandbox, string applicationName)
        => sandbox.ReadServerLog().Split('\n').Where(l => l.Contains($" app={applicationName} ", StringComparison.Ordinal)).ToList();

    /// <summary>Statements as PostgreSQL logs them: simple-protocol "statement:" and extended-protocol "execute".</summary>
    public static IReadOnlyList<string> Statements(QueryServiceSandbox sandbox, string applicationName)
        => Lines(sandbox, applicationName)
            .Where(l => l.Contains("LOG:  statement: ", StringComparison.Ordinal) || l.Contains("LOG:  execute ", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("LOG:  ", StringComparison.Ordinal) + 6)..])
            .ToList();

    /// <summary>Physical connections authorised for an application name.</summary>
    public static int Connections(QueryServiceSandbox sandbox, string applicationName)
        => sandbox.ReadServerLog().Split('\n').Count(l => l.Contains("connection authorized:", StringComparison.Ordinal)
                                                          && l.Contains($"application_name={applicationName} ", StringComparison.Ordinal));
}

using QueryServiceOrm.Credentials;

namespace QueryServiceOrm.Tests.Live;

/// <summary>
/// Access to a real Query Service sandbox for the <c>Live</c> category: enabled by QUERYSERVICE_LIVE=1 plus the
/// <c>QueryService__*</c> variables, skipped with a visible reason otherwise.
/// </summary>
internal static class LiveSandbox
{
    public const string Category = "Live";
    public const string SwitchVariable = "QUERYSERVICE_LIVE";

    public static string? Setting(string key)
        => Environment.GetEnvironmentVariable(QueryServiceCredentialKeys.EnvironmentVariable(key)) is { Length: > 0 } value ? value : null;

    /// <summary>Skips the calling fixture unless live runs are switched on and a host is configured.</summary>
    public static void RequireEnabled()
    {
        if (Environment.GetEnvironmentVariable(SwitchVariable) != "1")
        {
            Assert.Ignore($"Live suite skipped: set {SwitchVariable}=1 and the QueryService__* variables " +
                          "(Host, Username or OrganizationId, " +
                          "and Password, CredentialFile or ClientId/ClientSecret) to run it against a real Query Service sandbox.");
        }

        if (Setting(QueryServiceCredentialKeys.Host) is null)
        {
            Assert.Ignore($"Live suite skipped: {SwitchVariable}=1 but QueryService__Host is not set.");
        }
    }

    /// <summary>Skips the calling test unless every named setting is present.</summary>
    public static void RequireSettings(string kind, params string[] keys)
    {
        var missing = keys.Where(k => Setting(k) is null).Select(QueryServiceCredentialKeys.EnvironmentVariable).ToList();
        if (missing.Count > 0)
        {
            Assert.Ignore($"Live {kind} test skipped: set {string.Join(", ", missing)}.");
        }
    }
}

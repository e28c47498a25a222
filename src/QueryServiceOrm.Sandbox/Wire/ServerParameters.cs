namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>The run-time parameters the front announces: the backend's, as the service would show them.</summary>
internal static class ServerParameters
{
    /// <summary>What psql shows for the service ("server 0.1.0").</summary>
    public const string ServerVersion = "0.1.0";

    /// <summary>The parameters sent after authentication.</summary>
    public static IEnumerable<(string Name, string Value)> Announced(
        IEnumerable<(string Name, string Value)> backend, string user, string application)
    {
        var announced = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in backend)
        {
            if (Relayed(name, value, user) is { } relayed)
            {
                announced[name] = relayed;
            }
        }

        announced["server_version"] = ServerVersion;
        announced["application_name"] = application;
        return announced.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value));
    }

    /// <summary>A backend parameter as the client sees it, or null for one the client never sees.</summary>
    public static string? Relayed(string name, string value, string user)
        => name switch
        {
            "server_version" => ServerVersion,
            "session_authorization" => user,
            "is_superuser" => "off",
            "in_hot_standby" or "default_transaction_read_only" => null,
            _ => value,
        };
}

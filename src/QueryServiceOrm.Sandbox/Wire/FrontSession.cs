namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>What one client session has set: the service's session flags (<c>SET key = value</c>) and its transaction block.</summary>
internal sealed class FrontSession
{
    private readonly Dictionary<string, string> _settings = new(StringComparer.OrdinalIgnoreCase);

    public FrontSession(int id, string user, string database, string target)
    {
        Id = id;
        User = user;
        Database = database;
        Target = target;
    }

    /// <summary>The front's own number for the session (what it reports as the backend process id).</summary>
    public int Id { get; }

    /// <summary>The Query Service user, <c>ORG@AdobeOrg</c>.</summary>
    public string User { get; }

    /// <summary>The database as the client named it, <c>sandbox:target</c>.</summary>
    public string Database { get; }

    /// <summary>The target part of the database name (<c>all</c>, or a table).</summary>
    public string Target { get; }

    /// <summary>Whether a client reads the results (the wire), so the service's row cap applies; false for a REST job.</summary>
    public bool Interactive { get; init; } = true;

    /// <summary>'I' outside a transaction block, 'T' inside one (BEGIN is accepted and does nothing on the data).</summary>
    public byte TransactionStatus { get; set; } = (byte)'I';

    /// <summary>Whether complex top-level columns come back as JSON text (<c>SET auto_to_json=true</c>).</summary>
    public bool AutoToJson => string.Equals(Setting("auto_to_json"), "true", StringComparison.OrdinalIgnoreCase);

    public string? Setting(string key) => _settings.GetValueOrDefault(key);

    public IReadOnlyDictionary<string, string> Settings => _settings;

    public void Set(string key, string value) => _settings[key] = value;

    public void Reset(string key) => _settings.Remove(key);
}

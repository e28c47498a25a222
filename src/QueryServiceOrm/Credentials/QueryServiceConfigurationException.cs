namespace QueryServiceOrm.Credentials;

/// <summary>
/// Raised before any network traffic when the Query Service connection settings are missing or unsafe.
/// <see cref="Field"/> names the offending setting, and the message names the configuration key and
/// environment variable that set it.
/// </summary>
public sealed class QueryServiceConfigurationException : QueryServiceException
{
    /// <summary>Creates the exception for one setting.</summary>
    /// <param name="field">The name of the setting, as in <see cref="QueryServiceCredentialKeys"/>.</param>
    /// <param name="problem">What is wrong with it and how to fix it (never the secret value itself).</param>
    public QueryServiceConfigurationException(string field, string problem)
        : this(field, problem, retired: false)
    {
    }

    internal QueryServiceConfigurationException(string field, string problem, bool retired)
        : base(
            $"Query Service setting '{field}' {problem} " +
            $"{(retired ? "Remove" : "Set")} the configuration key '{QueryServiceCredentialKeys.ConfigurationKey(field)}' " +
            $"(environment variable {QueryServiceCredentialKeys.EnvironmentVariable(field)}).")
    {
        Field = field;
        Problem = problem;
        Retired = retired;
    }

    /// <summary>Whether the setting is one the library no longer reads, to be removed rather than set.</summary>
    public bool Retired { get; }

    // What is wrong, without the advice; a connection string's parse failures are rebuilt from it without the values.
    internal string Problem { get; }

    /// <summary>The setting at fault, for example <c>Host</c> or <c>SslMode</c>.</summary>
    public string Field { get; }

    /// <summary>The configuration key that sets <see cref="Field"/>, for example <c>QueryService:Host</c>.</summary>
    public string ConfigurationKey => QueryServiceCredentialKeys.ConfigurationKey(Field);

    /// <summary>The environment variable that sets <see cref="Field"/>, for example <c>QueryService__Host</c>.</summary>
    public string EnvironmentVariable => QueryServiceCredentialKeys.EnvironmentVariable(Field);
}

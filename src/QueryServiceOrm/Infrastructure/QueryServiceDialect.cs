using QueryServiceOrm.Credentials;

namespace QueryServiceOrm.Infrastructure;

/// <summary>
/// The forms of Query Service SQL that Adobe does not settle in public, one switch each. The defaults are the documented
/// forms; <c>qsorm doctor</c> probes a real server and writes what it accepts under <c>QueryService:Dialect</c>, where
/// <see cref="QueryServiceCredentials.FromConfiguration"/> reads them. Nothing else in the library varies by server.
/// </summary>
public sealed record QueryServiceDialect
{
    /// <summary>The documented forms.</summary>
    public static QueryServiceDialect Default { get; } = new();

    /// <summary>How a name that needs quoting (a reserved word, a digit-led or irregular name) is quoted.</summary>
    public QueryServiceIdentifierQuote IdentifierQuote { get; init; } = QueryServiceIdentifierQuote.Backquote;

    /// <summary>The CREATE TABLE type of a C# <see cref="double"/>: Adobe documents <c>float</c>, which Spark stores in 4 bytes.</summary>
    public QueryServiceDoubleColumnType DoubleColumnType { get; init; } = QueryServiceDoubleColumnType.Float;

    /// <summary>How a query turns an array into rows (SelectMany over an XDM array).</summary>
    public QueryServiceExplodeForm ExplodeForm { get; init; } = QueryServiceExplodeForm.LateralSubquery;

    /// <summary>Whether the server accepts <c>OFFSET</c> (Spark 3.4 and later); without it, Skip is refused.</summary>
    public bool SupportsOffset { get; init; } = true;

    /// <summary>How values reach the server; inline literals, as the service's documented clients send them, by default.</summary>
    public QueryServiceParameterMode ParameterMode { get; init; } = QueryServiceParameterMode.Inline;

    /// <summary>The switches as configuration keys (relative to the <c>QueryService</c> section) and values.</summary>
    public IReadOnlyDictionary<string, string> ToSettings()
        => new Dictionary<string, string>
        {
            [QueryServiceCredentialKeys.IdentifierQuote] = IdentifierQuote.ToString(),
            [QueryServiceCredentialKeys.DoubleColumnType] = DoubleColumnType.ToString(),
            [QueryServiceCredentialKeys.ExplodeForm] = ExplodeForm.ToString(),
            [QueryServiceCredentialKeys.SupportsOffset] = SupportsOffset ? "true" : "false",
            [QueryServiceCredentialKeys.ParameterMode] = ParameterMode.ToString(),
        };

    /// <summary>Checks every switch and returns this instance.</summary>
    /// <exception cref="QueryServiceConfigurationException">A switch has a value outside its enumeration.</exception>
    public QueryServiceDialect Validate()
    {
        Defined(IdentifierQuote, QueryServiceCredentialKeys.IdentifierQuote);
        Defined(DoubleColumnType, QueryServiceCredentialKeys.DoubleColumnType);
        Defined(ExplodeForm, QueryServiceCredentialKeys.ExplodeForm);
        Defined(ParameterMode, QueryServiceCredentialKeys.ParameterMode);
        return this;
    }

    /// <summary>Refuses a name under <c>QueryService:Dialect</c> that is no switch (a misspelt one would be ignored silently).</summary>
    /// <param name="names">The names found under the subsection.</param>
    internal static void CheckNames(IEnumerable<string> names)
    {
        var switches = Default.ToSettings().Keys.Select(k => k[(QueryServiceCredentialKeys.Dialect.Length + 1)..]).ToList();
        if (names.FirstOrDefault(n => !switches.Contains(n, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            throw new QueryServiceConfigurationException(
                QueryServiceCredentialKeys.Dialect + ":" + unknown,
                $"is not a switch of the dialect: use {string.Join(", ", switches)}.",
                retired: true);
        }
    }

    internal static QueryServiceDialect FromSettings(Func<string, string?> setting)
        => new QueryServiceDialect
        {
            IdentifierQuote = Parse(setting, QueryServiceCredentialKeys.IdentifierQuote, Default.IdentifierQuote),
            DoubleColumnType = Parse(setting, QueryServiceCredentialKeys.DoubleColumnType, Default.DoubleColumnType),
            ExplodeForm = Parse(setting, QueryServiceCredentialKeys.ExplodeForm, Default.ExplodeForm),
            SupportsOffset = ParseBoolean(setting, QueryServiceCredentialKeys.SupportsOffset, Default.SupportsOffset),
            ParameterMode = Parse(setting, QueryServiceCredentialKeys.ParameterMode, Default.ParameterMode),
        };

    private static T Parse<T>(Func<string, string?> setting, string key, T fallback)
        where T : struct, Enum
        => setting(key)?.Trim() is not { Length: > 0 } value
            ? fallback
            : Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(value[0])
                ? parsed
                : throw new QueryServiceConfigurationException(key, $"is '{value}'; use {string.Join(" or ", Enum.GetNames<T>())}.");

    private static bool ParseBoolean(Func<string, string?> setting, string key, bool fallback)
        => setting(key)?.Trim() is not { Length: > 0 } value
            ? fallback
            : bool.TryParse(value, out var parsed)
                ? parsed
                : throw new QueryServiceConfigurationException(key, $"is '{value}'; use true or false.");

    private static void Defined<T>(T value, string key)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new QueryServiceConfigurationException(key, $"is {value}; use {string.Join(" or ", Enum.GetNames<T>())}.");
        }
    }
}

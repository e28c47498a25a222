namespace QueryServiceOrm.Sandbox.Rules;

/// <summary>
/// The errors the front sends, with the SQLSTATEs the service's clients see (the reference's section 4), and the backend's
/// errors turned into those. Texts say what to do where the service would leave a user guessing.
/// </summary>
internal static class ServiceErrors
{
    public static ServiceError ProtocolViolation(string what)
        => new("08P01", "Unsupported or malformed protocol message: " + what, Severity: "FATAL");

    public static readonly ServiceError GssEncryptionUnsupported = new(
        "08P01", "GSS encryption is not supported.", Hint: "Connect with gssencmode=disable (for psql: PGGSSENCMODE=disable).",
        Severity: "FATAL");

    public static readonly ServiceError TlsRequired = new(
        "28000", "Query Service accepts only TLS connections: sslmode=disable is not supported.",
        Hint: "Connect with sslmode=require (or verify-ca, verify-full).", Severity: "FATAL");

    public static ServiceError AuthenticationFailed(string user)
        => new("28P01", $"Authentication failed for user \"{user}\": the token is invalid or has expired.",
            Hint: "Use the organisation id followed by @AdobeOrg as the user and a current access token as the password.",
            Severity: "FATAL");

    public static ServiceError UnknownDatabase(string database)
        => new("42P12", $"No tables found for dbName '{database}'.",
            Hint: "Name the database sandbox:target, e.g. prod:all.", Severity: "FATAL");

    public static readonly ServiceError FlattenNotEmulated = new(
        "0A000", "The sandbox does not emulate ?FLATTEN.", Hint: "Connect to prod:all and address nested fields with dot paths.",
        Severity: "FATAL");

    public static ServiceError SessionLimitReached(int limit)
        => new("53300", string.Create(CultureInfo.InvariantCulture, $"Session Limit Reached: {limit} concurrent sessions are allowed."),
            Hint: "Close idle sessions, or wait for one to end.", Severity: "FATAL");

    public static readonly ServiceError SeveralStatementsInOne = new("42601", "Cannot insert multiple commands into a prepared statement.");

    public static ServiceError UnknownPreparedStatement(string name) => new("26000", $"Prepared statement \"{name}\" does not exist.");

    public static ServiceError UnknownPortal(string name) => new("34000", $"Portal \"{name}\" does not exist.");

    public static readonly ServiceError Internal = new(
        "XX000", "The sandbox's front failed on this session; its journal has the details.", Severity: "FATAL");

    public static readonly ServiceError BackendGone = new(
        "57P01", "The sandbox's server stopped; the session is closed.", Severity: "FATAL");

    /// <summary>A backend error as the service's clients would see it.</summary>
    public static ServiceError FromBackend(ServiceError error)
        => error.SqlState switch
        {
            "57014" when error.Message.Contains("statement timeout", StringComparison.Ordinal)
                => new("53400", "Query timed out: interactive queries may run for 10 minutes.",
                    Hint: "Write the result with CREATE TABLE ... AS SELECT, or run it as a batch query."),
            _ => error,
        };
}

namespace QueryServiceOrm.Credentials;

/// <summary>How secrets are shown wherever the library prints settings.</summary>
internal static class Redaction
{
    public const string Redacted = "<redacted>";

    // Showing whether a secret is set helps diagnose configuration without revealing any of it.
    public static string Mask(string? secret) => string.IsNullOrEmpty(secret) ? "<not set>" : Redacted;
}

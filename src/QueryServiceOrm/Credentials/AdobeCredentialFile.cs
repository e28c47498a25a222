using System.Text.Json;

namespace QueryServiceOrm.Credentials;

/// <summary>
/// Reads the non-expiring credential JSON file downloaded from the Query Service Credentials tab; the
/// password it yields is <c>technicalAccountId:credential</c>.
/// </summary>
internal static class AdobeCredentialFile
{
    public static string ReadPassword(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new QueryServiceConfigurationException(
                QueryServiceCredentialKeys.CredentialFile, $"names a file that cannot be read ({path}: {e.GetType().Name}).");
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(path, "it is not a JSON object");
            }

            var account = Find(document.RootElement, "technicalAccountId");
            var credential = Find(document.RootElement, "credential");
            if (account is null || credential is null)
            {
                throw Malformed(path, "it lacks technicalAccountId or credential");
            }

            return $"{account}:{credential}";
        }
        catch (JsonException)
        {
            // The parser's message can quote the file's text, which holds the secret: say only where it broke.
            throw Malformed(path, "it is not valid JSON");
        }
    }

    private static string? Find(JsonElement root, string name)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            {
                var value = property.Value.GetString()?.Trim();
                return string.IsNullOrEmpty(value) ? null : value;
            }
        }

        return null;
    }

    private static QueryServiceConfigurationException Malformed(string path, string why)
        => new(
            QueryServiceCredentialKeys.CredentialFile,
            $"names {path}, which is not a Query Service credential file: {why}. " +
            "Download the non-expiring credential JSON from the Query Service Credentials tab.");
}

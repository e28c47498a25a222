using System.Text.Json.Nodes;
using QueryServiceOrm.Cli.Profiles;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Cli.Doctor;

/// <summary>
/// The dialect's switches as JSON (<c>{"QueryService":{"Dialect":{...}}}</c>), and merged into the configuration file
/// qsorm read the credentials from, every other key kept, so that reading the credentials again gives the same dialect.
/// </summary>
internal static class DialectSettingsFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The switches as nested JSON objects, as appsettings.json and profiles hold them.</summary>
    public static JsonObject ToJson(QueryServiceDialect dialect)
    {
        var dialectObject = new JsonObject();
        foreach (var (key, value) in dialect.ToSettings())
        {
            dialectObject[key[(QueryServiceCredentialKeys.Dialect.Length + 1)..]] = bool.TryParse(value, out var flag)
                ? JsonValue.Create(flag)
                : JsonValue.Create(value);
        }

        return new JsonObject
        {
            [QueryServiceCredentialKeys.Section] = new JsonObject { [QueryServiceCredentialKeys.Dialect] = dialectObject }
        };
    }

    /// <summary>Indented JSON text of <see cref="ToJson"/>.</summary>
    public static string ToText(QueryServiceDialect dialect) => ToJson(dialect).ToJsonString(Indented);

    /// <summary>
    /// Merges the switches into the profile's file (kept readable by its owner only) or, without a profile, into
    /// <c>appsettings.json</c> in <paramref name="directory"/>, created if missing.
    /// </summary>
    /// <returns>The file written.</returns>
    public static string Write(string directory, string? profile, QueryServiceDialect dialect)
    {
        var store = ProfileStore.ForUser();
        var path = profile is null ? Path.Combine(directory, "appsettings.json") : store.PathOf(profile);
        var merged = Merge(path, dialect).ToJsonString(Indented);
        if (profile is null)
        {
            File.WriteAllText(path, merged);
        }
        else
        {
            store.WritePrivate(path, merged);
        }

        return path;
    }

    /// <summary>The <c>QueryService__Dialect__*</c> variables that are set, which take precedence over appsettings.json.</summary>
    public static IEnumerable<string> OverridingVariables(QueryServiceDialect dialect)
        => dialect.ToSettings().Keys.Select(QueryServiceCredentialKeys.EnvironmentVariable)
            .Where(v => Environment.GetEnvironmentVariable(v) is { Length: > 0 });

    private static JsonObject Merge(string path, QueryServiceDialect dialect)
    {
        var root = Read(path);
        MergeInto(root, ToJson(dialect));
        return root;
    }

    // The file was read for the credentials already, so it is a JSON object if it exists.
    private static JsonObject Read(string path) => File.Exists(path) ? SettingsFile.ReadObject(path) : [];

    // Configuration keys ignore case: an existing "queryService" or "dialect" is merged into, not duplicated beside.
    private static void MergeInto(JsonObject target, JsonObject source)
    {
        foreach (var (name, value) in source)
        {
            var existing = target.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                ?? name;
            if (target[existing] is JsonObject inner && value is JsonObject innerSource)
            {
                MergeInto(inner, innerSource);
            }
            else
            {
                target[existing] = value?.DeepClone();
            }
        }
    }
}

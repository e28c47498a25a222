using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using QueryServiceOrm.Credentials;

namespace QueryServiceOrm.Cli.Profiles;

/// <summary>
/// Named credential profiles in the user's configuration directory (<c>$XDG_CONFIG_HOME/qsorm</c> or
/// <c>~/.config/qsorm</c>, <c>QSORM_CONFIG_HOME</c> overriding both): one JSON file a profile with a <c>QueryService</c>
/// section of the same keys as appsettings.json, readable by its owner only (mode 0600).
/// </summary>
internal sealed partial class ProfileStore(string directory)
{
    /// <summary>The profile <c>qsorm sandbox start</c> writes and <c>stop</c> removes.</summary>
    public const string SandboxProfile = "sandbox";

    /// <summary>The user's profile store.</summary>
    public static ProfileStore ForUser()
        => new(Environment.GetEnvironmentVariable("QSORM_CONFIG_HOME") is { Length: > 0 } home ? home
            : Path.Combine(Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config"), "qsorm"));

    /// <summary>The folder the profiles are in.</summary>
    public string Directory { get; } = directory;

    /// <summary>The file of a profile.</summary>
    public string PathOf(string profile)
        => Path.Combine(
            Directory,
            (
                ProfileName().IsMatch(profile)
                    ? profile
                    : throw new ArgumentException(
                        $"'{profile}' is not a profile name: use letters, digits, '-' and '_'.", nameof(profile))) + ".json");

    /// <summary>Reads a profile's credentials.</summary>
    /// <exception cref="FileNotFoundException">No such profile.</exception>
    /// <exception cref="QueryServiceConfigurationException">A setting is missing or unsafe.</exception>
    public QueryServiceCredentials Load(string profile)
    {
        var path = PathOf(profile);
        if (!File.Exists(path) && profile == SandboxProfile)
        {
            throw new FileNotFoundException(
                "The sandbox is not running (its profile 'sandbox' exists while it runs): start it with 'qsorm sandbox start'.", path);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"There is no profile named '{profile}' ({path}). Write that file with a \"{QueryServiceCredentialKeys.Section}\" "
                + $"section holding Host, Port, "
                + "Username or OrganizationId, and Password (or CredentialFile, or ClientId and ClientSecret), readable by you only.",
                path);
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnly & ~UnixFileMode.UserExecute) != 0)
        {
            throw new UnauthorizedAccessException(
                $"The profile file {path} can be read by others, and it holds a secret: run 'chmod 600 {path}' and try again.");
        }

        return QueryServiceCredentials.FromConfiguration(new ConfigurationBuilder().AddSettingsFile(path, optional: false).Build());
    }

    /// <summary>Writes a profile, readable and writable by its owner only.</summary>
    public void Save(string profile, IReadOnlyDictionary<string, string> settings)
        => WritePrivate(
            PathOf(profile),
            JsonSerializer.Serialize(
                new Dictionary<string, IReadOnlyDictionary<string, string>> { [QueryServiceCredentialKeys.Section] = settings }, Indented));

    /// <summary>Deletes a profile if it exists.</summary>
    public void Delete(string profile) => File.Delete(PathOf(profile));

    /// <summary>Writes a file of this store (profiles, the local sandbox's state), readable and writable by its owner only.</summary>
    public void WritePrivate(string path, string json)
    {
        System.IO.Directory.CreateDirectory(Directory);

        // Created with 0600 before the secret is written into it (an existing file keeps its mode, so it is set again).
        // Windows keeps a user's profile folder private by its own ACLs.
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
            if (File.Exists(path))
            {
                File.SetUnixFileMode(path, OwnerOnly);
            }
        }

        using var writer = new StreamWriter(new FileStream(path, options));
        writer.Write(json);
    }

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ProfileName();
}

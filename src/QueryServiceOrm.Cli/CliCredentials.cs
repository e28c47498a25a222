using Microsoft.Extensions.Configuration;
using QueryServiceOrm.Cli.Profiles;
using QueryServiceOrm.Credentials;

namespace QueryServiceOrm.Cli;

/// <summary>
/// The credentials qsorm connects with: a named profile when one is given, otherwise the QueryService section of
/// ./appsettings.json and the QueryService__* variables.
/// </summary>
internal static class CliCredentials
{
    public static System.CommandLine.Option<string?> ProfileOption()
        => new("--profile", "-p")
        {
            Description = "Connect with this stored profile instead of ./appsettings.json and the QueryService__* variables."
        };

    public static QueryServiceCredentials Load(string directory, string? profile)
    {
        if (profile is not null)
        {
            return Profiles.ProfileStore.ForUser().Load(profile);
        }

        try
        {
            return QueryServiceCredentials.FromConfiguration(new ConfigurationBuilder()
                .AddSettingsFile(Path.Combine(directory, "appsettings.json"), optional: true)
                .AddEnvironmentVariables()
                .Build());
        }
        catch (QueryServiceConfigurationException e) when (e.Field == QueryServiceCredentialKeys.Host
                                                           && File.Exists(
                                                               Profiles.ProfileStore.ForUser()
                                                                   .PathOf(Profiles.ProfileStore.SandboxProfile)))
        {
            // Nothing is configured here, but the quick start's sandbox runs: that is most likely what was meant.
            throw new QueryServiceConfigurationException(
                QueryServiceCredentialKeys.Host,
                "is missing, and a local sandbox is running: add --profile sandbox to use it "
                + "(jobs, templates and schedules need its OAuth settings: eval \"$(qsorm sandbox env --oauth)\").");
        }
    }
}

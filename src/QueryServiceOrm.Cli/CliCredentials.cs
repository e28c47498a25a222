using Microsoft.Extensions.Configuration;
using QueryServiceOrm.Credentials;

namespace QueryServiceOrm.Cli;

/// <summary>
/// The credentials qsorm connects with: a named profile when one is given, otherwise the QueryService section of
/// ./appsettings.json and the QueryService__* variables.
/// </summary>
internal static class CliCredentials
{
    public static System.CommandLine.Option<string?> ProfileOption()
        => new("--profile", "-p") { Description = "Connect with this stored profile instead of ./appsettings.json and the QueryService__* variables." };

    public static QueryServiceCredentials Load(string directory, string? profile)
        => profile is not null
            ? Profiles.ProfileStore.ForUser().Load(profile)
            : QueryServiceCredentials.FromConfiguration(new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(directory, "appsettings.json"), optional: true)
                .AddEnvironmentVariables()
                .Build());
}

using Microsoft.Extensions.Configuration;
using QueryServiceOrm.Credentials;

namespace QueryServiceOrm.Cli;

/// <summary>The credentials qsorm connects with: the QueryService section of ./appsettings.json and the QueryService__* variables.</summary>
internal static class CliCredentials
{
    public static QueryServiceCredentials Load(string directory)
        => QueryServiceCredentials.FromConfiguration(new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(directory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build());
}

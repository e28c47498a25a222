using Microsoft.EntityFrameworkCore;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Cli;

/// <summary>The context qsorm talks to the server through: no entity types of its own.</summary>
internal sealed class CliContext(DbContextOptions<CliContext> options) : DbContext(options)
{
    public static CliContext Create(QueryServiceCredentials credentials)
        => new QueryServiceDbContextFactory<CliContext>(credentials, o => o.ApplicationName("qsorm")).CreateDbContext();

    /// <summary>
    /// The context's connection, opened directly rather than through the execution strategy: someone at a terminal wants
    /// the answer, not a minute of backoff.
    /// </summary>
    public async Task<Npgsql.NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = (Npgsql.NpgsqlConnection)Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Cli;

/// <summary>The context qsorm talks to the server through: no entity types of its own.</summary>
internal sealed class CliContext(DbContextOptions<CliContext> options) : DbContext(options)
{
    public static CliContext Create(QueryServiceCredentials credentials)
        => new QueryServiceDbContextFactory<CliContext>(credentials, o => o.ApplicationName("qsorm")).CreateDbContext();

    /// <summary>
    /// The context's connection, opened by EF's connection (so within the library's connect timeout, TLS handshake included)
    /// rather than through the execution strategy, as Database.OpenConnectionAsync would: someone at a terminal wants the
    /// answer, not a minute of backoff.
    /// </summary>
    public async Task<Npgsql.NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = this.GetService<IRelationalConnection>();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (Npgsql.NpgsqlConnection)connection.DbConnection;
    }
}

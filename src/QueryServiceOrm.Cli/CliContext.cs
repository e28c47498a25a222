using Microsoft.EntityFrameworkCore;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Cli;

/// <summary>The context qsorm talks to the server through: no entity types of its own.</summary>
internal sealed class CliContext(DbContextOptions<CliContext> options) : DbContext(options)
{
    public static CliContext Create(QueryServiceCredentials credentials)
        => new QueryServiceDbContextFactory<CliContext>(credentials, o => o.ApplicationName("qsorm")).CreateDbContext();
}

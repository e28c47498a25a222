// A stand-alone application, as a user would write it: credentials from the QueryService__* environment
// variables, a context factory, the table names. It pauses after building the context (until a line arrives
// on standard input) so a test can check that nothing has connected yet.
using Microsoft.EntityFrameworkCore;
using QueryServiceOrm;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;

try
{
    var credentials = QueryServiceCredentials.FromEnvironment();
    var factory = new QueryServiceDbContextFactory<CatalogContext>(credentials, o => o.ApplicationName("qsorm-console-check"));
    await using var context = factory.CreateDbContext();
    Console.WriteLine($"READY {credentials}");
    Console.Out.Flush();
    Console.In.ReadLine();

    foreach (var table in await context.Database.GetTableNamesAsync())
    {
        Console.WriteLine($"TABLE {table}");
    }

    return 0;
}
catch (QueryServiceException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

internal sealed class CatalogContext(DbContextOptions<CatalogContext> options) : DbContext(options);

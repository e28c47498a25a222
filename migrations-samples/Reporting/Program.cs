// Applies the reporting migrations with MigrateAsync, then reads the report they built.
// Credentials: ./appsettings.json (section QueryService) or the QueryService__* variables, e.g. from `qsorm sandbox env`.
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;
using Reporting;

var configuration = new ConfigurationBuilder()
    .AddJsonFile(Path.Combine(Environment.CurrentDirectory, "appsettings.json"), optional: true)
    .AddEnvironmentVariables()
    .Build();
var factory = new QueryServiceDbContextFactory<ReportingContext>(QueryServiceCredentials.FromConfiguration(configuration), o => o.ApplicationName("reporting-sample"));
await using var db = factory.CreateDbContext();

var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
Console.WriteLine(pending.Count == 0 ? "No pending migrations." : $"Applying {string.Join(", ", pending)}");
await db.Database.MigrateAsync();
Console.WriteLine($"Applied: {string.Join(", ", await db.Database.GetAppliedMigrationsAsync())}");

foreach (var page in await db.TopPages.OrderByDescending(p => p.Views).ThenBy(p => p.Page).Take(5).ToListAsync())
{
    Console.WriteLine($"{page.Views,8}  {page.Page}");
}

using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Tests.Storage;

/// <summary>
/// The library's intent (no row cap, a write target, a snapshot) travels in the query tree to the SQL generator and from it
/// on the relational command: none of it is written into the statement the service receives or the SQL EF logs.
/// </summary>
[NonParallelizable]
public sealed class QueryServiceRelationalCommandTests
{
    [Test]
    public async Task The_librarys_intent_reaches_neither_the_statement_nor_the_logs()
    {
        var sandbox = await ShopData.SeedAsync();
        var application = "intent-" + Guid.NewGuid().ToString("N")[..8];
        var table = "intent_" + Guid.NewGuid().ToString("N")[..8];
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = logs.CreateFactory();
        int inserted;
        List<Customer> all;
        await using (var db = new QueryServiceDbContextFactory<ShopContext>(
                         sandbox.Credentials(), o => o.ApplicationName(application),
                         o => o.UseLoggerFactory(loggerFactory)).CreateDbContext())
        {
            all = await db.Customers.WithoutRowLimit().ToListAsync();
            await db.Customers.Where(c => c.Active).Select(c => new { c.Id, c.Name }).CreateTableAsAsync(table);
            inserted = await db.Customers.Where(c => !c.Active).Select(c => new { c.Id, c.Name }).InsertIntoAsync(table);
        }

        var loggedSql = logs.Entries.Where(
            e => e.Contains("[Microsoft.EntityFrameworkCore.Database.Command.", StringComparison.Ordinal)).ToList();
        var snapshot = await ContextFactories.ServiceSqlAsync(db => db.Customers.AsOfSnapshot("123").ToListAsync());
        var sent = FrontLog.Statements(sandbox, application);
        var stored = await sandbox.PsqlAsync($"SELECT count(*) FROM {table}");
        await sandbox.ExecuteAdminAsync($"DROP TABLE {table}");
        Assert.Multiple(() =>
        {
            Assert.That(all, Has.Count.EqualTo(ShopData.CustomerCount));
            Assert.That(
                stored[0][0],
                Is.EqualTo(ShopData.CustomerCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                "the CTAS and the append wrote every customer");
            Assert.That(inserted, Is.GreaterThan(0), "the append's count still comes back");
            Assert.That(sent, Has.Some.StartsWith("CREATE TABLE ").And.Some.StartsWith("INSERT INTO ").And.Some.EndsWith("LIMIT 0"));
            Assert.That(sent, Has.None.Contain("QueryServiceOrm:"), "what the service receives");
            Assert.That(snapshot, Does.Contain(" SNAPSHOT AS OF 123").And.Not.Contain("QueryServiceOrm:"));
            Assert.That(loggedSql, Has.Some.Contain("CREATE TABLE").And.None.Contain("QueryServiceOrm:"), "the SQL EF logs");
        });
    }
}

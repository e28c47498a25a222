using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Tests.Query;

/// <summary>
/// The service's own syntax (anonymous blocks, SET, SHOW, @variables) passes through FromSql, SqlQuery and ExecuteSql
/// untouched: what the server receives is exactly what was written.
/// </summary>
public sealed class RawSqlTests
{
    public static readonly string[] ServiceStatements =
    [
        "$$ BEGIN SET @total = SELECT count(1) FROM customers; SELECT @total; END $$;",
        "SET auto_to_json = true",
        "SHOW ALL",
        "SELECT name FROM customers WHERE city = @city_from_block",
        "$$ BEGIN IF table_exists('customers') THEN raise_error('present'); END IF; END $$",
    ];

    [TestCaseSource(nameof(ServiceStatements))]
    public async Task ExecuteSql_sends_the_text_exactly_as_written(string sql)
    {
        var sandbox = await ShopData.SeedAsync();
        var application = "raw-" + Guid.NewGuid().ToString("N")[..8];
        await using var db = new QueryServiceDbContextFactory<ShopContext>(
            sandbox.Credentials(),
            o => o.ApplicationName(application)
                .RetryReads(0, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1))).CreateDbContext();

        try
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }
        catch (QueryServiceException)
        {
            // The emulator does not run every part of the service's syntax (anonymous blocks, @variables); what matters
            // here is what it received.
        }

        // Npgsql drops a statement's final terminator (it sends one statement); everything else arrives as written.
        var statement = sql.TrimEnd(';');
        var received = FrontLog.Statements(sandbox, application);
        Assert.That(received, Has.Some.EqualTo(statement), string.Join("\n", received));
    }

    [TestCaseSource(nameof(ServiceStatements))]
    public async Task The_service_dialect_sends_raw_sql_untouched(string sql)
    {
        var sent = await ContextFactories.ServiceSqlAsync(db => db.Database.ExecuteSqlRawAsync(sql));
        Assert.That(sent, Is.EqualTo(sql));
    }

    [Test]
    public async Task A_postgresql_anonymous_block_is_refused_as_the_service_refuses_it()
    {
        var sandbox = await ShopData.SeedAsync();
        await using var db = new QueryServiceDbContextFactory<ShopContext>(sandbox.Credentials()).CreateDbContext();
        Assert.That(
            () => db.Database.ExecuteSqlRawAsync("DO $$ BEGIN PERFORM 1; PERFORM 2; END $$"), Throws.TypeOf<QueryServiceSyntaxException>());
    }

    [Test]
    public async Task FromSql_and_SqlQuery_compose_with_linq()
    {
        var sandbox = await ShopData.SeedAsync();
        await using var db = new QueryServiceDbContextFactory<ShopContext>(sandbox.Credentials()).CreateDbContext();

        var fromSql = await db.Customers.FromSqlRaw("SELECT * FROM customers WHERE tier = 'gold'")
            .Where(c => c.Active)
            .OrderBy(c => c.Id)
            .Select(c => c.Id)
            .ToListAsync();
        var sqlQuery = await db.Database.SqlQueryRaw<int>("SELECT id AS Value FROM customers WHERE tier = 'gold'")
            .Where(id => id > 10)
            .OrderBy(id => id)
            .ToListAsync();
        var expected = await sandbox.PsqlAsync("SELECT id FROM customers WHERE tier = 'gold' AND active ORDER BY id");

        Assert.Multiple(() =>
        {
            Assert.That(
                fromSql.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(expected.Select(r => r[0])));
            Assert.That(sqlQuery, Is.Ordered.And.All.GreaterThan(10));
        });
    }
}

using Microsoft.EntityFrameworkCore.Diagnostics;
using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Tests.Query;

/// <summary>The service's row rules: silent truncation must be impossible.</summary>
public sealed class RowLimitTests
{
    [Test]
    public async Task Take_zero_never_becomes_limit_zero()
    {
        var sandbox = await ShopData.SeedAsync();
        await using var db = new QueryServiceDbContextFactory<ShopContext>(sandbox.Credentials()).CreateDbContext();

        var service = await ContextFactories.ServiceSqlAsync(db => db.Customers.Take(0).ToListAsync());
        var serviceCount = await ContextFactories.ServiceSqlAsync(db => db.Customers.Take(0).CountAsync());

        Assert.Multiple(async () =>
        {
            Assert.That(await db.Customers.Take(0).ToListAsync(), Is.Empty);
            Assert.That(await db.Customers.Take(0).CountAsync(), Is.Zero);
            Assert.That(await db.Customers.OrderBy(c => c.Id).Skip(3).Take(0).ToListAsync(), Is.Empty);
            Assert.That(service, Does.Contain("WHERE FALSE").And.Not.Contains("LIMIT"));
            Assert.That(serviceCount, Does.Not.Contain("LIMIT 0"));
            Assert.That(QueryServiceSqlConformance.Violations(service), Is.Empty);
        });
    }

    [Test]
    public async Task Take_above_one_hundred_thousand_fails_before_sending()
    {
        var sandbox = await ShopData.SeedAsync();
        var application = "take-" + Guid.NewGuid().ToString("N")[..8];
        await using var db = new QueryServiceDbContextFactory<ShopContext>(
            sandbox.Credentials(), o => o.ApplicationName(application)).CreateDbContext();
        var n = 100_001;

        var error = Assert.ThrowsAsync<QueryServiceRowLimitException>(() => db.Customers.Take(n).ToListAsync())!;
        Assert.Multiple(async () =>
        {
            Assert.That(error.Message, Does.Contain("100,000").And.Contain("WithoutRowLimit"));
            Assert.That(FrontLog.Connections(sandbox, application), Is.Zero, "nothing reached the server");
            Assert.That(await db.Customers.Take(100_000).CountAsync(), Is.EqualTo(ShopData.CustomerCount), "100,000 itself is allowed");
        });
    }

    [Test]
    public async Task Without_row_limit_asks_the_service_for_every_row()
    {
        var sandbox = await ShopData.SeedAsync();
        await using var db = new QueryServiceDbContextFactory<ShopContext>(sandbox.Credentials()).CreateDbContext();
        var service = await ContextFactories.ServiceSqlAsync(db => db.Customers.WithoutRowLimit().Select(c => c.Id).ToListAsync());
        var capped = await ContextFactories.ServiceSqlAsync(db => db.Customers.Select(c => c.Id).ToListAsync());
        var onTheSandbox = db.Customers.WithoutRowLimit().Select(c => c.Id).ToQueryString();

        Assert.Multiple(async () =>
        {
            Assert.That(service, Does.EndWith("\nLIMIT 0"));
            Assert.That(QueryServiceSqlConformance.Violations(service, allRowsRequested: true), Is.Empty);
            Assert.That(QueryServiceSqlConformance.Violations(service), Is.Not.Empty, "LIMIT 0 is flagged unless asked for");
            Assert.That(capped, Does.Not.Contain("LIMIT"));
            Assert.That(onTheSandbox, Does.EndWith("\nLIMIT 0"), "the sandbox gets what the service gets");
            Assert.That(await db.Customers.WithoutRowLimit().CountAsync(), Is.EqualTo(ShopData.CustomerCount));
        });
    }

    [TestCase(WarningBehavior.Log)]
    [TestCase(WarningBehavior.Throw)]
    [TestCase(WarningBehavior.Ignore)]
    public async Task A_result_of_exactly_the_cap_without_take_raises_an_ef_warning_that_configure_warnings_governs(
        WarningBehavior behavior)
    {
        var sandbox = await ShopData.SeedAsync();
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = logs.CreateFactory();
        await using var db = new QueryServiceDbContextFactory<ShopContext>(
            sandbox.Credentials(), o => o.RowCap(5), o => o.UseLoggerFactory(loggerFactory).ConfigureWarnings(w => _ = behavior switch
            {
                WarningBehavior.Throw => w.Throw(QueryServiceEventId.RowCapReached),
                WarningBehavior.Ignore => w.Ignore(QueryServiceEventId.RowCapReached),
                _ => w.Log(QueryServiceEventId.RowCapReached),
            })).CreateDbContext();

        var atCap = db.Customers.Where(c => c.Id <= 5).Select(c => c.Id);
        if (behavior == WarningBehavior.Throw)
        {
            var error = Assert.ThrowsAsync<InvalidOperationException>(() => atCap.ToListAsync())!;
            Assert.That(
                error.Message, Does.Contain("QueryServiceEventId.RowCapReached").And.Contain("exactly 5 rows").And.Contain("Take(n)"));
        }
        else
        {
            Assert.That(await atCap.ToListAsync(), Has.Count.EqualTo(5));
        }

        // By event id: a thrown warning's text also shows in EF's log of the failed query.
        var warnings = logs.Entries.Count(e => e.Contains($"[{nameof(QueryServiceEventId.RowCapReached)}]", StringComparison.Ordinal));
        Assert.That(warnings, Is.EqualTo(behavior == WarningBehavior.Log ? 1 : 0));

        // None of these can have been cut short, so none is reported.
        await db.Customers.Where(c => c.Id <= 4).ToListAsync();
        await db.Customers.OrderBy(c => c.Id).Take(5).ToListAsync();
        await db.Customers.Where(c => c.Id <= 5).WithoutRowLimit().ToListAsync();
        await db.Customers.CountAsync();
        Assert.That(
            logs.Entries.Count(e => e.Contains($"[{nameof(QueryServiceEventId.RowCapReached)}]", StringComparison.Ordinal)),
            Is.EqualTo(warnings));
    }

    [Test]
    public async Task Without_row_limit_also_lifts_the_cap_of_a_top_level_set_operation()
    {
        var concat = await ContextFactories.ServiceSqlAsync(
            db => db.Customers.Select(c => c.Id).Concat(db.Orders.Select(o => o.CustomerId)).WithoutRowLimit().ToListAsync());
        var union = await ContextFactories.ServiceSqlAsync(
            db => db.Customers.Select(c => c.City).Union(db.Customers.Select(c => c.Tier)).WithoutRowLimit().ToListAsync());

        Assert.Multiple(() =>
        {
            Assert.That(concat, Does.Contain("UNION ALL").And.EndWith("\nLIMIT 0"));
            Assert.That(union, Does.Contain("UNION").And.EndWith("\nLIMIT 0"));
        });
    }

    [Test]
    public async Task A_hand_written_statement_whose_limit_is_not_the_last_line_is_still_checked()
    {
        var sandbox = await ShopData.SeedAsync();
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = logs.CreateFactory();
        await using var db = new QueryServiceDbContextFactory<ShopContext>(
            sandbox.Credentials(), o => o.RowCap(5), o => o.UseLoggerFactory(loggerFactory)).CreateDbContext();

        var rows = await db.Database.SqlQueryRaw<int>(
            "WITH x AS (\nSELECT id FROM customers ORDER BY id\nLIMIT 60\n)\nSELECT id AS Value FROM x WHERE id <= 5").ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(5));
            Assert.That(logs.Entries, Has.Some.Contains(nameof(QueryServiceEventId.RowCapReached)));
        });
    }
}

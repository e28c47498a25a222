using Microsoft.EntityFrameworkCore;
using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Tests.Support;

namespace QueryServiceOrm.Tests.Query;

public sealed class SnapshotTests
{
    [Test]
    public async Task Each_snapshot_operator_writes_its_clause_on_the_table()
    {
        var asOf = await ContextFactories.ServiceSqlAsync(db => db.Customers.AsOfSnapshot("123").Where(c => c.Active).ToListAsync());
        var since = await ContextFactories.ServiceSqlAsync(db => db.Orders.SnapshotSince("head").Select(o => o.Id).ToListAsync());
        var between = await ContextFactories.ServiceSqlAsync(db => db.Orders.SnapshotBetween("100", "TAIL").CountAsync());
        var joined = await ContextFactories.ServiceSqlAsync(db => db.Orders.AsOfSnapshot("7").Join(db.Customers, o => o.CustomerId, c => c.Id, (o, c) => c.Name).ToListAsync());

        Assert.Multiple(() =>
        {
            Assert.That(asOf, Does.Contain("FROM customers SNAPSHOT AS OF 123 AS c"));
            Assert.That(since, Does.Contain("FROM orders SNAPSHOT SINCE HEAD AS o"));
            Assert.That(between, Does.Contain("FROM orders SNAPSHOT BETWEEN 100 AND TAIL AS o"));
            Assert.That(joined, Does.Contain("FROM orders SNAPSHOT AS OF 7 AS o").And.Contain("INNER JOIN customers AS c"), "only the snapshotted table");
            foreach (var sql in new[] { asOf, since, between, joined })
            {
                Assert.That(QueryServiceSqlConformance.Violations(sql), Is.Empty, sql);
            }
        });
    }

    [TestCase("12; DROP TABLE x")]
    [TestCase("1 AND 2")]
    [TestCase("")]
    [TestCase("-1")]
    public void A_snapshot_id_that_is_not_one_is_refused(string id)
    {
        using var db = ContextFactories.CapturingServiceContext(new CommandCapture { Suppress = true });
        Assert.That(() => db.Customers.AsOfSnapshot(id), Throws.ArgumentException.With.Message.Contains("history_meta"));
    }

    [Test]
    public async Task The_postgresql_dialect_refuses_snapshots_clearly()
    {
        var sandbox = await ShopData.SeedAsync();
        await using var db = new QueryServiceDbContextFactory<ShopContext>(sandbox.Credentials()).CreateDbContext();
        Assert.Multiple(() =>
        {
            Assert.That(() => db.Customers.AsOfSnapshot("1"), Throws.TypeOf<NotSupportedException>().With.Message.Contains("only on Query Service"));
            Assert.That(() => db.Customers.SnapshotSince("1"), Throws.TypeOf<NotSupportedException>());
            Assert.That(() => db.Customers.SnapshotBetween("1", "2"), Throws.TypeOf<NotSupportedException>());
        });
    }
}

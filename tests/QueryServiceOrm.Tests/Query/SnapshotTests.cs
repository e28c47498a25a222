using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Tests.Query;

public sealed class SnapshotTests
{
    [Test]
    public async Task Each_snapshot_operator_writes_its_clause_on_the_table()
    {
        var asOf = await ContextFactories.ServiceSqlAsync(db => db.Customers.AsOfSnapshot("123").Where(c => c.Active).ToListAsync());
        var since = await ContextFactories.ServiceSqlAsync(db => db.Orders.SnapshotSince("head").Select(o => o.Id).ToListAsync());
        var between = await ContextFactories.ServiceSqlAsync(db => db.Orders.SnapshotBetween("100", "TAIL").CountAsync());
        var joined = await ContextFactories.ServiceSqlAsync(
            db => db.Orders.AsOfSnapshot("7").Join(db.Customers, o => o.CustomerId, c => c.Id, (o, c) => c.Name).ToListAsync());

        Assert.Multiple(() =>
        {
            Assert.That(asOf, Does.Contain("FROM customers SNAPSHOT AS OF 123 AS c"));
            Assert.That(since, Does.Contain("FROM orders SNAPSHOT SINCE HEAD AS o"));
            Assert.That(between, Does.Contain("FROM orders SNAPSHOT BETWEEN 100 AND TAIL AS o"));
            Assert.That(
                joined,
                Does.Contain("FROM orders SNAPSHOT AS OF 7 AS o").And.Contain("INNER JOIN customers AS c"),
                "only the snapshotted table");
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
    public async Task Time_travel_on_the_emulator_reads_each_append_as_its_own_snapshot()
    {
        var sandbox = await ShopData.SeedAsync();
        await using var db = new QueryServiceDbContextFactory<TimeTravelContext>(sandbox.Credentials()).CreateDbContext();
        await db.Database.ExecuteSqlRawAsync($"DROP TABLE IF EXISTS {TimeTravelContext.Table}");
        await db.Database.ExecuteSqlRawAsync($"CREATE TABLE {TimeTravelContext.Table} AS SELECT 1 AS id");
        await db.Database.ExecuteSqlRawAsync($"INSERT INTO {TimeTravelContext.Table} SELECT 2");
        await db.Database.ExecuteSqlRawAsync($"INSERT INTO {TimeTravelContext.Table} SELECT 3");

        var snapshots = await db.Database.SqlQueryRaw<long>(
            $"SELECT snapshot_id AS Value FROM history_meta('{TimeTravelContext.Table}') ORDER BY snapshot_id").ToListAsync();
        var written = await sandbox.PsqlAsync(
            $"SELECT DISTINCT xmin::text::bigint FROM {TimeTravelContext.Table} ORDER BY xmin::text::bigint");
        var ids = snapshots.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(ids, Is.EqualTo(written.Select(r => r[0])), "one snapshot a write");
        Assume.That(ids, Has.Count.EqualTo(3));

        var (first, second) = (ids[0], ids[1]);
        Assert.Multiple(async () =>
        {
            Assert.That(
                await db.Readings.AsOfSnapshot(second).Select(r => r.Id).OrderBy(i => i).ToListAsync(),
                Is.EqualTo(new[] { 1, 2 }),
                "AS OF includes its snapshot");
            Assert.That(
                await db.Readings.SnapshotSince(first).Select(r => r.Id).OrderBy(i => i).ToListAsync(),
                Is.EqualTo(new[] { 2, 3 }),
                "SINCE excludes its snapshot");
            Assert.That(
                await db.Readings.SnapshotBetween(first, second).Select(r => r.Id).ToListAsync(),
                Is.EqualTo(new[] { 2 }),
                "BETWEEN excludes its start, includes its end");
            Assert.That(await db.Readings.SnapshotSince("HEAD").CountAsync(), Is.EqualTo(3));
        });
    }

    private sealed class TimeTravelContext(DbContextOptions<TimeTravelContext> options) : DbContext(options)
    {
        public const string Table = "time_travel_readings";

        public DbSet<Reading> Readings => Set<Reading>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
            => modelBuilder.Entity<Reading>(e =>
            {
                e.ToTable(Table).HasNoKey();
                e.Property(r => r.Id).HasColumnName("id");
            });
    }

    private sealed class Reading
    {
        public int Id { get; set; }
    }
}

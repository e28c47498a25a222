using QueryServiceOrm.Credentials;
using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Sandbox.Xdm;
using QueryServiceOrm.Tests.Storage;
using QueryServiceOrm.Update;

namespace QueryServiceOrm.Tests.Live;

/// <summary>
/// The write features against a real sandbox (Data Distiller licence): tables created from the model, appends by
/// SaveChanges and AppendAsync read back field by field through the service itself, refusals, INSERT INTO ... SELECT,
/// CTAS and DROP TABLE. They create datasets named <c>qsorm_live_*</c> and drop them at the end, so they also need
/// QueryService__LiveWrites=1. Every statement sent is checked against the documented grammar.
/// </summary>
[TestFixture]
[Category(LiveSandbox.Category)]
[NonParallelizable]
public sealed class LiveWriteTests
{
    private const int FlatRows = 10_000;
    private QueryServiceCredentials _credentials = null!;
    private CommandCapture _capture = null!;

    /// <summary>The run's tables: flat rows and nested events (the copies and the summary are made by CTAS).</summary>
    public sealed class LiveWriteContext(DbContextOptions<LiveWriteContext> options) : DbContext(options)
    {
        public static readonly string Prefix =
            "qsorm_live_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "_" + Random.Shared.Next(1000, 9999);

        public DbSet<AppendRow> Rows => Set<AppendRow>();

        public DbSet<ExperienceEvent> Events => Set<ExperienceEvent>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            XdmSampleContext.ConfigureModel(modelBuilder, XdmSampleData.TablesFor(Prefix));
            // XDM has no decimal: the live table leaves the stand-in's numeric column out.
            modelBuilder.Entity<AppendRow>().ToTable(Prefix + "_rows").Ignore(r => r.Price);
        }
    }

    [OneTimeSetUp]
    public async Task CreateTablesAsync()
    {
        LiveSandbox.RequireEnabled();
        LiveSandbox.RequireSettings("write", "LiveWrites");
        _credentials = QueryServiceCredentials.FromEnvironment();
        _capture = new CommandCapture();
        await using var db = Context();
        await db.Database.CreateTableAsync<AppendRow>();
        await db.Database.CreateTableAsync<ExperienceEvent>();
    }

    [OneTimeTearDown]
    public async Task DropTablesAsync()
    {
        if (_credentials is null)
        {
            return;
        }

        await using var db = Context();
        foreach (var table in new[] { "_rows", "_copies", "_events", "_summary" })
        {
            await db.Database.DropTableAsync(LiveWriteContext.Prefix + table, ifExists: true);
        }
    }

    [TearDown]
    public void EveryStatementConforms()
    {
        foreach (var sql in _capture.Commands)
        {
            Assert.That(QueryServiceSqlConformance.Violations(sql), Is.Empty, sql);
        }

        _capture.Commands.Clear();
    }

    private LiveWriteContext Context()
        => new QueryServiceDbContextFactory<LiveWriteContext>(_credentials, configureContext: o => o.AddInterceptors(_capture))
            .CreateDbContext();

    private static AppendRow Row(long i) => new()
    {
        Id = i,
        Name = i % 7 == 0
            ? null
            : LiteralTests.HostileStrings[(int)(i % LiteralTests.HostileStrings.Length)] + i.ToString(CultureInfo.InvariantCulture),
        Amount = i % 5 == 0 ? null : i / 3.0,
        At = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(i * 37).AddMilliseconds(i % 1000),
        Day = i % 3 == 0 ? null : new DateOnly(2024, 3, 1).AddDays((int)(i % 400)),
        Flag = i % 2 == 0,
        Count = i % 13 == 0 ? null : (int)(i * 7 % 1000) - 500,
    };

    private static string Describe(AppendRow r)
        => $"{r.Id}|{r.Name}|{r.Amount?.ToString("R", CultureInfo.InvariantCulture)}|{r.At:O}|{r.Day}|{r.Flag}|{r.Count}";

    [Test]
    [Order(1)]
    public async Task Ten_thousand_flat_rows_saved_and_appended_read_back_exactly()
    {
        var saved = Enumerable.Range(1, FlatRows / 2).Select(i => Row(i)).ToList();
        var appended = Enumerable.Range(FlatRows / 2 + 1, FlatRows / 2).Select(i => Row(i)).ToList();
        await using (var db = Context())
        {
            db.Rows.AddRange(saved);
            Assert.That(await db.SaveChangesAsync(), Is.EqualTo(saved.Count));
            Assert.That(await db.AppendAsync(appended), Is.EqualTo(appended.Count));
        }

        await using var read = Context();
        var back = await read.Rows.AsNoTracking().OrderBy(r => r.Id).WithoutRowLimit().ToListAsync();
        Assert.That(back.Select(Describe), Is.EqualTo(saved.Concat(appended).Select(Describe)));
    }

    [Test]
    [Order(2)]
    public async Task Nested_events_saved_read_back_field_by_field()
    {
        var events = Enumerable.Range(1, 1_000).Select(i => new ExperienceEvent
        {
            Id = "live-" + i.ToString("D5", CultureInfo.InvariantCulture),
            Timestamp = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i),
            EventType = i % 2 == 0 ? "commerce.purchases" : "web.webpagedetails.pageViews",
            Web = new Web
            {
                WebPageDetails = new WebPageDetails
                {
                    Name = LiteralTests.HostileStrings[i % LiteralTests.HostileStrings.Length], Url = "https://example.com/" + i,
                },
            },
            Commerce = i % 2 == 0
                ? new Commerce { Order = new CommerceOrder { PurchaseId = "P" + i, PriceTotal = i * 1.25, CurrencyCode = "EUR" } }
                : null,
            ProductListItems =
            [
                .. Enumerable.Range(0, i % 4)
                    .Select(k => new ProductListItem { Sku = $"SKU-{k}", Name = "Item " + k, Quantity = k + 1, PriceTotal = k * 2.5 }),
            ],
            Luma = new Luma { ReservedWordTest = new ReservedWordTest { Order = "o" + i, FirstVisit = i % 3 == 0 } },
        }).ToList();
        await using (var db = Context())
        {
            db.Events.AddRange(events);
            await db.SaveChangesAsync();
        }

        await using var read = Context();
        var back = await read.Events.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.That(
            back.Select(e =>
                RowFormat.Value(e.Web) + RowFormat.Value(e.Commerce) + RowFormat.Value(e.ProductListItems) + RowFormat.Value(e.Luma)),
            Is.EqualTo(events.Select(e =>
                RowFormat.Value(e.Web) + RowFormat.Value(e.Commerce) + RowFormat.Value(e.ProductListItems) + RowFormat.Value(e.Luma))));
    }

    [Test]
    [Order(3)]
    public async Task Updates_and_deletes_are_refused_before_anything_is_sent()
    {
        await using var db = Context();
        var row = await db.Rows.OrderBy(r => r.Id).FirstAsync();
        _capture.Commands.Clear();
        row.Name = "changed";
        Assert.ThrowsAsync<QueryServiceAppendOnlyException>(() => db.SaveChangesAsync());
        Assert.ThrowsAsync<QueryServiceAppendOnlyException>(() => db.Rows.Where(r => r.Id == 1).ExecuteDeleteAsync());
        Assert.ThrowsAsync<QueryServiceAppendOnlyException>(
            () => db.Rows.Where(r => r.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(r => r.Flag, true)));
        Assert.That(_capture.Commands, Is.Empty);
    }

    [Test]
    [Order(4)]
    public async Task Insert_into_select_and_ctas_write_what_the_query_reads()
    {
        await using var db = Context();
        // An empty CTAS makes a table of the same columns.
        await db.Rows.Where(r => r.Id < 0).CreateTableAsAsync(LiveWriteContext.Prefix + "_copies");
        var expected = await db.Rows.Where(r => r.Flag && r.Amount > 100).CountAsync();
        await db.Rows.Where(r => r.Flag && r.Amount > 100).InsertIntoAsync(LiveWriteContext.Prefix + "_copies");
        await db.Rows.GroupBy(r => r.Flag).Select(g => new { Flag = g.Key, Rows = g.Count(), Total = g.Sum(r => r.Amount) })
            .CreateTableAsAsync(LiveWriteContext.Prefix + "_summary");

        // The run's own table names, made by this fixture: nothing from outside reaches the SQL.
        var countCopies = "SELECT CAST(count(*) AS bigint) AS Value FROM " + LiveWriteContext.Prefix + "_copies";
        var countSummary = "SELECT CAST(count(*) AS bigint) AS Value FROM " + LiveWriteContext.Prefix + "_summary";
        Assert.Multiple(async () =>
        {
            Assert.That(await db.Database.SqlQueryRaw<long>(countCopies).SingleAsync(), Is.EqualTo(expected).And.GreaterThan(0));
            Assert.That(await db.Database.SqlQueryRaw<long>(countSummary).SingleAsync(), Is.EqualTo(2));
        });
    }
}

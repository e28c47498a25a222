using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Sandbox.Xdm;

namespace QueryServiceOrm.Tests.Update;

/// <summary>CreateTableAsync and DropTableAsync: explicit columns in the service's types, and tables that take appends.</summary>
[NonParallelizable]
public sealed class TableDefinitionTests
{
    private QueryServiceSandbox _sandbox = null!;

    /// <summary>The sample profiles as a profile dataset with a primary identity.</summary>
    public sealed class ProfileDatasetContext(DbContextOptions<ProfileDatasetContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            XdmSampleContext.ConfigureModel(modelBuilder, XdmSampleData.TablesFor("pd"));
            modelBuilder.Entity<XdmProfile>().IsProfileDataset().Property(p => p.Id).HasPrimaryIdentity("ECID");
        }
    }

    [SetUp]
    public async Task CreateTables()
    {
        _sandbox = await XdmData.SeedAsync();
        await AppendContext.CreateTablesAsync(_sandbox);
    }

    // By path: CreateTableAsync writes the columns in the model's order, the sample in its own.
    private async Task<List<IReadOnlyList<string?>>> ShapeAsync(string table)
        => (await TableShape.ReadAsync(_sandbox, table)).OrderBy(row => row[0], StringComparer.Ordinal).ToList();

    private async Task<List<IReadOnlyList<string?>>> SampleShapeAsync()
        => (await ShapeAsync(XdmSampleData.TablesFor(XdmSampleData.DefaultPrefix).Events))
            .Where(row => row[0] != "identityMap")
            .Select(TableShape.AsDeclared)
            .ToList();

    [Test]
    public async Task A_created_table_has_the_shape_of_the_sample_and_takes_appends()
    {
        var (db, _) = AppendContext.Open(_sandbox, "default");
        await using (db)
        {
            await db.Database.DropTableAsync(AppendContext.XdmTables.Events);
            await db.Database.CreateTableAsync<ExperienceEvent>();
            db.Events.Add(new ExperienceEvent
            {
                Id = "created-1", Timestamp = DateTime.UtcNow,
                ProductListItems = [new ProductListItem { Sku = "SKU-9", Quantity = 3 }],
                Luma = new Luma { ReservedWordTest = new ReservedWordTest { Order = "o", FirstVisit = true } },
            });
            await db.SaveChangesAsync();
        }

        var created = await ShapeAsync(AppendContext.XdmTables.Events);
        var sample = await SampleShapeAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(created, Is.EqualTo(sample).And.Count.GreaterThan(20));
            Assert.That(
                await _sandbox.PsqlAsync(
                    $"""SELECT ("productListItems")[1]."SKU", (_luma)."reservedWordTest"."1stVisit" FROM """
                    + $"""{AppendContext.XdmTables.Events}"""),
                Is.EqualTo(new[] { new[] { "SKU-9", "t" } }));
        });
    }

    [Test]
    public async Task A_table_dropped_and_created_again_reuses_nothing_stale()
    {
        var (db, _) = AppendContext.Open(_sandbox, "default");
        await using (db)
        {
            for (var i = 0; i < 2; i++)
            {
                await db.Database.DropTableAsync(AppendContext.XdmTables.Events, ifExists: true);
                await db.Database.CreateTableAsync<ExperienceEvent>();
            }

            await db.Database.CreateTableAsync<ExperienceEvent>(ifNotExists: true);
            Assert.That(() => db.Database.DropTableAsync("missing_table"), Throws.InstanceOf<QueryServiceTableNotFoundException>());
            Assert.That(() => db.Database.DropTableAsync("missing_table", ifExists: true), Throws.Nothing);
        }

        // The types left behind by the first table were replaced, not reused half-way: the shape is the sample's again.
        var sample = await SampleShapeAsync();
        Assert.That(await ShapeAsync(AppendContext.XdmTables.Events), Is.EqualTo(sample));
    }

    [Test]
    public void A_property_no_service_type_holds_is_refused_with_its_name()
    {
        using var db = ContextFactories.CapturingServiceContext<AppendContext>(new CommandCapture { Suppress = true });
        Assert.That(() => db.Database.CreateTableAsync<AppendRow>(),
            Throws.TypeOf<NotSupportedException>().With.Message.Contains("AppendRow.Price is a Decimal"));
    }

    [Test]
    public void A_table_name_that_is_not_an_identifier_is_refused()
    {
        using var db = ContextFactories.CapturingServiceContext<AppendContext>(new CommandCapture { Suppress = true });
        Assert.That(
            () => db.Database.DropTableAsync("x; DROP TABLE y"), Throws.ArgumentException.With.Message.Contains("not a table name"));
    }

    public static IEnumerable<TestCaseData> ServiceStatements()
    {
        yield return new TestCaseData(
            "Create_table_events", (Func<DbContext, Task>)(db => db.Database.CreateTableAsync<ExperienceEvent>()), typeof(AppendContext))
            .SetArgDisplayNames("Create_table_events");
        yield return new TestCaseData(
            "Create_table_profile_dataset",
            (Func<DbContext, Task>)(db => db.Database.CreateTableAsync<XdmProfile>(ifNotExists: true)),
            typeof(ProfileDatasetContext))
            .SetArgDisplayNames("Create_table_profile_dataset");
        yield return new TestCaseData(
            "Drop_table", (Func<DbContext, Task>)(db => db.Database.DropTableAsync("old_events", ifExists: true)), typeof(AppendContext))
            .SetArgDisplayNames("Drop_table");
    }

    [TestCaseSource(nameof(ServiceStatements))]
    public async Task Service_statements_match_their_baselines_and_the_grammar(string name, Func<DbContext, Task> run, Type context)
    {
        var sql = context == typeof(AppendContext)
            ? await ContextFactories.ServiceSqlAsync<AppendContext>(db => run(db))
            : await ContextFactories.ServiceSqlAsync<ProfileDatasetContext>(db => run(db));
        Assert.Multiple(() =>
        {
            Assert.That(QueryServiceSqlConformance.Violations(sql), Is.Empty, sql);
            Baseline.AssertMatches($"Update/Baselines/{name}.sql", sql);
        });
    }
}

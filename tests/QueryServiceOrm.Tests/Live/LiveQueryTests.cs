using QueryServiceOrm.Credentials;
using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Storage;
using QueryServiceOrm.Tests.Storage;

namespace QueryServiceOrm.Tests.Live;

/// <summary>
/// The LINQ read features in the service dialect against a real sandbox. The table is QueryService__LiveTable (or the
/// first of SHOW TABLES) and its text column QueryService__LiveColumn (default <c>_id</c>); every statement sent is checked
/// against the documented grammar.
/// </summary>
[TestFixture]
[Category(LiveSandbox.Category)]
public sealed class LiveQueryTests
{
    private CommandCapture _capture = null!;
    private QueryServiceCredentials _credentials = null!;
    private string _source = "";

    [OneTimeSetUp]
    public async Task ConnectAsync()
    {
        LiveSandbox.RequireEnabled();
        _credentials = QueryServiceCredentials.FromEnvironment();
        await using var db = Context();
        var table = LiveSandbox.Setting("LiveTable") ?? (await db.Database.GetTableNamesAsync()).FirstOrDefault();
        if (table is null)
        {
            Assert.Ignore("Live query tests skipped: the sandbox has no table; set QueryService__LiveTable.");
        }

        var column = LiveSandbox.Setting("LiveColumn") ?? "_id";
        _source = $"SELECT CAST({column} AS {SqlDialect.Default.CastTypeName("text")}) AS Value FROM {table}";
    }

    [SetUp]
    public void Capture() => _capture = new CommandCapture();

    [TearDown]
    public void EveryStatementConforms()
    {
        foreach (var sql in _capture.Commands)
        {
            Assert.That(
                QueryServiceSqlConformance.Violations(sql, allRowsRequested: sql.Contains("WithoutRowLimit", StringComparison.Ordinal)),
                Is.Empty,
                sql);
        }
    }

    private EmptyContext Context()
        => new QueryServiceDbContextFactory<EmptyContext>(
            _credentials, configureContext: o => o.AddInterceptors(_capture ?? new CommandCapture())).CreateDbContext();

    private IQueryable<string> Values(EmptyContext db) => db.Database.SqlQueryRaw<string>(_source);

    [Test]
    public async Task Paging_and_take_zero()
    {
        await using var db = Context();
        Assert.Multiple(async () =>
        {
            Assert.That(await Values(db).Take(0).ToListAsync(), Is.Empty, "Take(0) returns nothing, not every row");
            Assert.That(await Values(db).OrderBy(v => v).Take(5).ToListAsync(), Has.Count.LessThanOrEqualTo(5));
            Assert.That(await Values(db).OrderByDescending(v => v).Skip(2).Take(3).ToListAsync(), Has.Count.LessThanOrEqualTo(3));
        });
    }

    [Test]
    public async Task Aggregates_and_predicates()
    {
        await using var db = Context();
        var count = await Values(db).CountAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(await Values(db).AnyAsync(), Is.EqualTo(count > 0));
            Assert.That(await Values(db).AllAsync(v => v != null || v == null), Is.True);
            Assert.That(await Values(db).Distinct().CountAsync(), Is.LessThanOrEqualTo(count));
            Assert.That(
                await Values(db).Where(v => v.StartsWith("0") || v.Contains("a") || v.Length > 3).CountAsync(),
                Is.LessThanOrEqualTo(count));
            Assert.That(await Values(db).GroupBy(v => v.Length).Select(g => new { g.Key, N = g.Count() }).ToListAsync(), Is.Not.Null);
            Assert.That(await Values(db).Select(v => v.ToUpper().IndexOf("A")).Take(3).ToListAsync(), Is.Not.Null);
        });
    }

    [TestCaseSource(typeof(LiteralTests), nameof(LiteralTests.HostileStrings))]
    public async Task Hostile_literals_are_single_values_on_the_service(string value)
    {
        await using var db = Context();
        var echoed = await Values(db).Take(1).Select(v => value + "|").ToListAsync();
        Assert.That(echoed, Is.Empty.Or.EqualTo(new[] { value + "|" }));
    }

    [Test]
    public async Task Service_syntax_passes_through()
    {
        await using var db = Context();
        await db.Database.ExecuteSqlRawAsync("SET auto_to_json = true");
        await db.Database.ExecuteSqlRawAsync("$$ BEGIN SET @n = SELECT 1; END $$;");
        Assert.Pass("the service accepted SET and an anonymous block as written");
    }

    [Test]
    public async Task Service_errors_are_typed()
    {
        await using var db = Context();
        Assert.Multiple(() =>
        {
            Assert.That(() => db.Database.SqlQueryRaw<int>("SELECT 1 AS Value FROM qsorm_table_that_does_not_exist").ToListAsync(),
                Throws.TypeOf<QueryServiceTableNotFoundException>());
            Assert.That(() => db.Database.ExecuteSqlRawAsync("SELEC 1"), Throws.InstanceOf<QueryServiceServerException>());
            Assert.That(() => Values(db).Take(100_001).ToListAsync(), Throws.TypeOf<QueryServiceRowLimitException>());
        });
    }

}

using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Sandbox.Xdm;
using QueryServiceOrm.Tests.Storage;
using QueryServiceOrm.Update;

namespace QueryServiceOrm.Tests.Update;

/// <summary>
/// SaveChanges and AppendAsync write Added entities as INSERT INTO ... SELECT * FROM (VALUES ...) statements; psql reads
/// every row back as the referee.
/// </summary>
[NonParallelizable]
[TestFixture(SandboxBackendKind.Local)]
[TestFixture(SandboxBackendKind.Container, Category = "Container")]
public sealed class AppendTests(SandboxBackendKind backend)
{
    private const int Count = 10_000;
    private static readonly DateTime Start = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private QueryServiceSandbox _sandbox = null!;

    [SetUp]
    public async Task CreateTables()
    {
        _sandbox = await XdmData.SeedAsync(backend);
        await AppendContext.CreateTablesAsync(_sandbox);
    }

    private static AppendRow Row(long i) => new()
    {
        Id = i,
        Name = i % 7 == 0
            ? null
            : LiteralTests.HostileStrings[(int)(i % LiteralTests.HostileStrings.Length)] + i.ToString(CultureInfo.InvariantCulture),
        Amount = i % 5 == 0 ? null : i / 3.0,
        Price = i % 11 == 0 ? null : i / 100m,
        At = Start.AddSeconds(i * 37).AddTicks(i % 10 * 10),
        Day = i % 3 == 0 ? null : DateOnly.FromDateTime(Start).AddDays((int)(i % 400)),
        Flag = i % 2 == 0,
        Count = i % 13 == 0 ? null : (int)(i * 7 % 1000) - 500,
    };

    private static IReadOnlyList<string?> Expected(AppendRow r)
        =>
        [
            r.Id.ToString(CultureInfo.InvariantCulture), r.Name, RowFormat.Value(r.Amount),
            r.Price?.ToString("0.00", CultureInfo.InvariantCulture),
            r.At.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.') + "+00",
            RowFormat.Value(r.Day), RowFormat.Value(r.Flag), RowFormat.Value(r.Count),
        ];

    private async Task AssertRowsAsync(string table, IEnumerable<AppendRow> expected)
    {
        var rows = await _sandbox.PsqlAsync(
            $"""SELECT "Id", "Name", "Amount", "Price", "At", "Day", "Flag", "Count" FROM {table} ORDER BY "Id" """);
        var wanted = expected.OrderBy(r => r.Id).Select(Expected).ToList();
        Assert.That(rows, Has.Count.EqualTo(wanted.Count));
        for (var i = 0; i < wanted.Count; i++)
        {
            Assert.That(rows[i], Is.EqualTo(wanted[i]), $"row {i}");
        }
    }

    private (AppendContext Context, Func<IReadOnlyList<string>> NewStatements) Context(
        string configuration, Action<QueryServiceDbContextOptionsBuilder>? configure = null)
        => AppendContext.Open(_sandbox, configuration, configure);

    [Test]
    public async Task Ten_thousand_flat_entities_saved_with_SaveChanges_read_back_exactly_from_one_inline_table_statement()
    {
        var rows = Enumerable.Range(1, Count).Select(i => Row(i)).ToList();
        var (db, newStatements) = Context("default");
        await using (db)
        {
            db.Rows.AddRange(rows);
            Assert.That(await db.SaveChangesAsync(), Is.EqualTo(Count));
            Assert.That(db.ChangeTracker.Entries().All(e => e.State == EntityState.Unchanged));
        }

        await AssertRowsAsync("append_rows", rows);
        var statements = newStatements();
        Assert.Multiple(() =>
        {
            Assert.That(statements, Has.Count.EqualTo(1), "10,000 rows a statement by default");
            Assert.That(
                statements,
                Has.All.StartWith("INSERT INTO append_rows (Id, Amount, At, Count, Day, Flag, Name, Price) SELECT * FROM (VALUES ("));
            // Every statement is one of the appends: no BEGIN, SAVEPOINT or COMMIT went out, and none asked for RETURNING.
            Assert.That(statements, Has.None.Contains(" RETURNING "));
        });
    }

    [Test]
    public async Task Ten_thousand_flat_entities_appended_from_a_stream_with_bind_parameters_read_back_exactly()
    {
        long appended;
        var (db, newStatements) = Context("bind-2500", o => o.ParameterMode(QueryServiceParameterMode.Bind).AppendBatches(2_500));
        await using (db)
        {
            appended = await db.AppendAsync(Stream());
            Assert.That(db.ChangeTracker.Entries(), Is.Empty, "nothing is tracked");
        }

        Assert.That(appended, Is.EqualTo(Count));
        await AssertRowsAsync("append_rows", Enumerable.Range(1, Count).Select(i => Row(i)));
        Assert.That(newStatements(), Has.Count.EqualTo(4));

        static async IAsyncEnumerable<AppendRow> Stream()
        {
            for (var i = 1; i <= Count; i++)
            {
                await Task.Yield();
                yield return Row(i);
            }
        }
    }

    [Test]
    public async Task Statements_end_at_the_length_bound_and_a_longer_row_goes_alone()
    {
        var rows = Enumerable.Range(1, 20).Select(i => Row(i)).ToList();
        rows[9].Name = new string('x', 5_000);
        var (db, newStatements) = Context("length", o => o.AppendBatches(1_000, maxStatementLength: 2_000));
        await using (db)
        {
            await db.AppendAsync(rows);
        }

        await AssertRowsAsync("append_rows", rows);
        var statements = newStatements();
        Assert.Multiple(() =>
        {
            Assert.That(statements.Count(s => s.Length > 2_000), Is.EqualTo(1), "only the long row's statement is over the bound");
            Assert.That(
                statements.Single(s => s.Length > 2_000),
                Does.Not.Contain("), ("),
                "it holds that row alone: no second row in its inline table");
        });
    }

    [Test]
    public async Task Statements_end_at_the_parameter_bound_in_bind_mode()
    {
        var rows = Enumerable.Range(1, 100).Select(i => Row(i)).ToList();
        var (db, newStatements) = Context(
            "bind-50", o => o.ParameterMode(QueryServiceParameterMode.Bind).AppendBatches(1_000, maxParameters: 50));
        await using (db)
        {
            db.Rows.AddRange(rows);
            await db.SaveChangesAsync();
        }

        await AssertRowsAsync("append_rows", rows);

        // Eight values a row, NULLs written as typed NULLs rather than parameters: as many rows as keep 50 parameters or fewer.
        var statements = newStatements();
        Assert.Multiple(() =>
        {
            Assert.That(statements, Has.Count.GreaterThanOrEqualTo(100 * 5 / 50));
            Assert.That(statements.Select(s => System.Text.RegularExpressions.Regex.Matches(s, @"\$[0-9]+").Count), Has.All.InRange(1, 50));
        });
    }

    [TestCase(false, TestName = "Ten_thousand_nested_events_saved_with_SaveChanges_equal_their_source_field_by_field_in_psql")]
    [TestCase(true, TestName = "Ten_thousand_nested_events_appended_with_bind_parameters_equal_their_source_field_by_field_in_psql")]
    public async Task Ten_thousand_nested_events_equal_their_source_field_by_field_in_psql(bool appendAsync)
    {
        List<ExperienceEvent> source;
        await using (var read = new QueryServiceDbContextFactory<XdmSampleContext>(_sandbox.Credentials()).CreateDbContext())
        {
            source = await read.Events.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        }

        Assert.That(source, Has.Count.EqualTo(XdmData.Rows));
        var copies = Enumerable.Range(0, Count / XdmData.Rows).SelectMany(copy => source.Select(e => Copy(e, copy)));
        var (db, _) = appendAsync ? Context("bind", o => o.ParameterMode(QueryServiceParameterMode.Bind)) : Context("default");
        await using (db)
        {
            if (appendAsync)
            {
                Assert.That(await db.AppendAsync(copies), Is.EqualTo(Count));
            }
            else
            {
                db.Events.AddRange(copies);
                Assert.That(await db.SaveChangesAsync(), Is.EqualTo(Count));
            }
        }

        var events = AppendContext.XdmTables.Events;
        var different = await _sandbox.PsqlAsync($"""
            SELECT count(*) FILTER (WHERE x._id IS NULL), count(*) FILTER (WHERE
              (w."timestamp", w."eventType", to_jsonb(w.web), to_jsonb(w.commerce), to_jsonb(w."productListItems"), to_jsonb(w.environment), to_jsonb(w._luma))
              IS DISTINCT FROM
              (x."timestamp", x."eventType", to_jsonb(x.web), to_jsonb(x.commerce), to_jsonb(x."productListItems"), to_jsonb(x.environment), to_jsonb(x._luma))),
              count(DISTINCT w._id), count(*)
            FROM {events} w LEFT JOIN {XdmSampleData.TablesFor(XdmSampleData.DefaultPrefix).Events} x ON x._id = split_part(w._id, '/', 1)
            """);
        Assert.That(
            different.Single(),
            Is.EqualTo(new[] { "0", "0", Count.ToString(CultureInfo.InvariantCulture), Count.ToString(CultureInfo.InvariantCulture) }));
    }

    [Test]
    public async Task Hostile_strings_in_nested_leaves_round_trip_exactly_through_the_stand_in()
    {
        var values = LiteralTests.HostileStrings;
        var (db, _) = Context("default");
        await using (db)
        {
            db.Events.AddRange(values.Select((value, i) => new ExperienceEvent
            {
                Id = "hostile-" + i.ToString("D2", CultureInfo.InvariantCulture),
                Timestamp = Start,
                Web = new Web { WebPageDetails = new WebPageDetails { Name = value } },
                ProductListItems = [new ProductListItem { Sku = value }],
            }));
            await db.SaveChangesAsync();
        }

        var rows = await _sandbox.PsqlAsync(
            $"""SELECT (web)."webPageDetails".name, ("productListItems")[1]."SKU" FROM {AppendContext.XdmTables.Events} ORDER BY _id""");
        Assert.That(rows, Is.EqualTo(values.Select(v => new[] { v, v })));
    }

    // A deep copy through the converter's own JSON, under a new id.
    private static ExperienceEvent Copy(ExperienceEvent e, int copy)
    {
        var clone = System.Text.Json.JsonSerializer.Deserialize<ExperienceEvent>(System.Text.Json.JsonSerializer.Serialize(e))!;
        clone.Id = e.Id + "/" + copy.ToString(CultureInfo.InvariantCulture);
        return clone;
    }

    // A constraint on the stand-in makes the statement holding the row named 'poison' fail on the server.
    private Task PoisonAsync() => _sandbox.ExecuteAdminAsync("ALTER TABLE append_rows ADD CHECK (\"Name\" IS DISTINCT FROM 'poison')");

    [Test]
    public async Task A_failed_batch_leaves_the_landed_entities_unchanged_and_a_second_SaveChanges_writes_exactly_the_rest()
    {
        var rows = Enumerable.Range(1, 3_000).Select(i => Row(i)).ToList();
        rows[1_500].Name = "poison";
        await PoisonAsync();
        var (db, _) = Context("thousand", o => o.AppendBatches(1_000));
        await using var disposeDb = db;
        db.Rows.AddRange(rows);

        var failure = Assert.ThrowsAsync<QueryServiceAppendException>(() => db.SaveChangesAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(failure.Message, Does.Contain("statement 2 of 3"));
            Assert.That(failure.OutcomeUnknown, Is.False);
            Assert.That(failure.AppendedEntries.Select(e => ((AppendRow)e.Entity).Id), Is.EqualTo(rows.Take(1_000).Select(r => r.Id)));
            Assert.That(failure.Entries.Select(e => ((AppendRow)e.Entity).Id), Is.EqualTo(rows.Skip(1_000).Select(r => r.Id)));
            Assert.That(rows.Take(1_000).Select(r => db.Entry(r).State), Has.All.EqualTo(EntityState.Unchanged));
            Assert.That(rows.Skip(1_000).Select(r => db.Entry(r).State), Has.All.EqualTo(EntityState.Added));
        });
        Assert.That((await _sandbox.PsqlAsync("SELECT count(*) FROM append_rows")).Single().Single(), Is.EqualTo("1000"));

        rows[1_500].Name = "antidote";
        Assert.That(await db.SaveChangesAsync(), Is.EqualTo(2_000));
        await AssertRowsAsync("append_rows", rows);
    }

    [Test]
    public async Task A_failed_append_stream_says_how_many_rows_landed()
    {
        await PoisonAsync();
        var (db, _) = Context("hundred", o => o.AppendBatches(100));
        await using var disposeDb = db;
        var rows = Enumerable.Range(1, 350).Select(i => Row(i)).ToList();
        rows[250].Name = "poison";

        var failure = Assert.ThrowsAsync<QueryServiceBulkAppendException>(() => db.AppendAsync(rows))!;
        Assert.That(failure.AppendedRows, Is.EqualTo(200));
        Assert.That((await _sandbox.PsqlAsync("SELECT count(*) FROM append_rows")).Single().Single(), Is.EqualTo("200"));
    }
}

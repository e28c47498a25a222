using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Update;

namespace QueryServiceOrm.Tests.Update;

/// <summary>
/// Appends whose statement reply is lost: a proxy on 127.0.0.1 between the client and the sandbox's front lets the
/// statement reach the server, waits for the server's reply (the rows are committed by then) and cuts the client's
/// side instead of forwarding it. psql on the backend counts the rows.
/// </summary>
[NonParallelizable]
public sealed class AppendResumeTests
{
    private const int Total = 2_500;
    private static readonly DateTime Start = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private QueryServiceSandbox _sandbox = null!;
    private ReplyCuttingProxy _proxy = null!;

    [SetUp]
    public async Task CreateTables()
    {
        _sandbox = await SharedSandbox.GetAsync();
        await ResumeContext.CreateTablesAsync(_sandbox);
        _proxy = new ReplyCuttingProxy(_sandbox.Port);
    }

    [TearDown]
    public async Task StopProxy() => await _proxy.DisposeAsync();

    private static List<AppendRow> Rows()
        => Enumerable.Range(1, Total).Select(i => new AppendRow
        {
            Id = i, Name = "row " + i.ToString(CultureInfo.InvariantCulture), At = Start.AddSeconds(i), Flag = i % 2 == 0, Count = i,
        }).ToList();

    // Statements of 1,000 rows, through the proxy, whose second append statement loses its reply (or never reaches the server).
    private (ResumeContext Context, Func<IReadOnlyList<string>> NewStatements) Context(
        string application, bool forwardStatement, bool bind = false)
    {
        var factory = new QueryServiceDbContextFactory<ResumeContext>(
            _sandbox.Credentials() with { Port = _proxy.Port },
            o => o.ApplicationName(application)
                .AppendBatches(1_000)
                .ParameterMode(bind ? QueryServiceParameterMode.Bind : QueryServiceParameterMode.Inline),
            o => o.AddInterceptors(new ArmOnInsert(_proxy, statement: 2, forwardStatement)));
        var before = FrontLog.Statements(_sandbox, application).Count;
        return (factory.CreateDbContext(), () => FrontLog.Statements(_sandbox, application).Skip(before).ToList());
    }

    private async Task<string[]> CountAsync(string table, string column)
        => (await _sandbox.PsqlAsync($"""SELECT count(*), count(DISTINCT "{column}") FROM {table}""")).Single().Select(v => v!).ToArray();

    [TestCase(
        true, false, 2_000, TestName = "A_stream_whose_reply_was_lost_after_the_server_committed_resumes_without_appending_a_row_twice")]
    [TestCase(
        true, true, 2_000,
        TestName = "A_stream_with_bind_parameters_whose_reply_was_lost_after_the_server_committed_resumes_without_appending_a_row_twice")]
    [TestCase(false, false, 1_000, TestName = "A_stream_whose_statement_never_reached_the_server_resumes_without_losing_a_row")]
    public async Task A_stream_resumes_exactly_once(bool forwardStatement, bool bind, int landedBefore)
    {
        var rows = Rows();
        var (db, newStatements) = Context($"resume-stream-{forwardStatement}-{bind}", forwardStatement, bind);
        await using var disposeDb = db;

        var failure = Assert.ThrowsAsync<QueryServiceBulkAppendException>(() => db.AppendAsync(rows))!;
        Assert.That(
            await _proxy.Cut.WaitAsync(TimeSpan.FromSeconds(30)),
            forwardStatement ? Is.GreaterThan(0) : Is.Zero,
            "the server replied before the cut");
        Assert.Multiple(async () =>
        {
            Assert.That(failure.OutcomeUnknown, Is.True);
            Assert.That(failure.AppendedRows, Is.EqualTo(1_000));
            Assert.That(failure.UncertainRows, Is.EqualTo(1_000));
            Assert.That(await CountAsync(ResumeContext.Rows, "Id"), Is.EqualTo(new[] { Count(landedBefore), Count(landedBefore) }));
        });

        var sent = newStatements().Count;
        Assert.That(await db.ResumeAppendAsync(failure, rows), Is.EqualTo(Total - landedBefore));

        Assert.That(await CountAsync(ResumeContext.Rows, "Id"), Is.EqualTo(new[] { Count(Total), Count(Total) }), "every row once");
        var resumed = newStatements().Skip(sent).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(resumed[0], bind
                ? Does.StartWith("SELECT DISTINCT Id FROM resume_rows WHERE Id IN ($1, $2, ").And.EndWith(", $1000)\nLIMIT 0")
                : Does.StartWith("SELECT DISTINCT Id FROM resume_rows WHERE Id IN (1001, 1002, ").And.EndWith(", 2000)\nLIMIT 0"));
            Assert.That(resumed.Skip(1), Has.All.StartWith("INSERT INTO resume_rows "));
            Assert.That(
                resumed,
                Has.Count.EqualTo(forwardStatement ? 2 : 3),
                "one read, then the missing rows of the uncertain statement in one statement, then the rest");
        });
    }

    [Test]
    public async Task SaveChanges_whose_reply_was_lost_after_the_server_committed_resumes_without_appending_an_entity_twice()
    {
        var rows = Rows();
        var (db, _) = Context("resume-save", forwardStatement: true);
        await using var disposeDb = db;
        db.AddRange(rows);

        var failure = Assert.ThrowsAsync<QueryServiceAppendException>(() => db.SaveChangesAsync())!;
        Assert.Multiple(async () =>
        {
            Assert.That(failure.OutcomeUnknown, Is.True);
            Assert.That(
                failure.UncertainEntries.Select(e => ((AppendRow)e.Entity).Id), Is.EqualTo(rows.Skip(1_000).Take(1_000).Select(r => r.Id)));
            Assert.That(failure.UncertainEntries.Select(e => e.State), Has.All.EqualTo(EntityState.Added));
            Assert.That(
                await CountAsync(ResumeContext.Rows, "Id"),
                Is.EqualTo(new[] { Count(2_000), Count(2_000) }),
                "the server committed the uncertain statement");
        });

        Assert.That(await db.ResumeAppendAsync(failure), Is.EqualTo(500));

        Assert.That(await CountAsync(ResumeContext.Rows, "Id"), Is.EqualTo(new[] { Count(Total), Count(Total) }), "every entity once");
        Assert.That(rows.Select(r => db.Entry(r).State), Has.All.EqualTo(EntityState.Unchanged));
    }

    [Test]
    public async Task A_keyless_stream_whose_reply_was_lost_is_not_resumed_and_nothing_is_sent()
    {
        var lines = Enumerable.Range(1, Total).Select(i => new ResumeLine { Number = i, Text = "line" }).ToList();
        var (db, newStatements) = Context("resume-keyless", forwardStatement: true);
        await using var disposeDb = db;

        var failure = Assert.ThrowsAsync<QueryServiceBulkAppendException>(() => db.AppendAsync(lines))!;
        Assert.That(failure.Message, Does.Contain("look them up by a value of your own"));
        var sent = newStatements().Count;

        var refusal = Assert.ThrowsAsync<InvalidOperationException>(() => db.ResumeAppendAsync(failure, lines))!;
        Assert.Multiple(async () =>
        {
            Assert.That(
                refusal.Message,
                Does.Contain(
                    "ResumeLine has no key, so which of the 1000 rows of the statement whose outcome is unknown landed cannot be asked "
                    + "of the table"));
            Assert.That(newStatements(), Has.Count.EqualTo(sent));
            Assert.That(await CountAsync(ResumeContext.Lines, "Number"), Is.EqualTo(new[] { Count(2_000), Count(2_000) }));
        });
    }

    private static string Count(int rows) => rows.ToString(CultureInfo.InvariantCulture);
}

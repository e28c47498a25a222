namespace QueryServiceOrm.Tests.Sandbox.Rules;

/// <summary>The front's fault hook: what it fails, what it lets through and counts, and where it can be injected.</summary>
/// <remarks>
/// Where a test goes on in the same session after a failure, the fault's SQLSTATE is one Npgsql takes for the statement's
/// alone: after 53xxx, 58xxx or XX000 it closes its connection, as it would against the service.
/// </remarks>
public sealed class SandboxFaultTests
{
    [Test]
    public async Task A_fault_fails_the_given_times_in_either_protocol_then_lets_statements_through()
    {
        var sandbox = await SharedSandbox.GetAsync();
        var (marker, sql) = NewStatement();
        using var fault = sandbox.Fail(marker, "0A000", "not supported", times: 2);
        await using var connection = await OpenAsync(sandbox, "fault-times");

        var extended = Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(connection, sql))!;
        var simple = Assert.ThrowsAsync<SandboxException>(() => sandbox.PsqlFrontAsync(sql))!;
        var afterwards = await ScalarAsync(connection, sql);
        var psqlAfterwards = await sandbox.PsqlFrontAsync(sql);

        var journal = sandbox.ReadJournal().Where(e => e.Sql == sql).Select(e => $"{e.Protocol} {e.Outcome} {e.SqlState}");
        Assert.Multiple(() =>
        {
            Assert.That(extended.SqlState, Is.EqualTo("0A000"));
            Assert.That(extended.MessageText, Is.EqualTo("not supported"));
            Assert.That(extended.Severity, Is.EqualTo("ERROR"), "an error, not the end of the session");
            Assert.That(simple.Message, Does.Contain("ERROR:  not supported"));
            Assert.That(afterwards, Is.EqualTo(marker), "the same session runs it once the failures are used up");
            Assert.That(psqlAfterwards, Is.EqualTo(new[] { new[] { marker } }));
            Assert.That(fault.Matched, Is.EqualTo(4));
            Assert.That(fault.Failed, Is.EqualTo(2));
            Assert.That(
                journal, Is.EqualTo(new[] { "extended refused 0A000", "simple refused 0A000", "extended backend ", "simple backend " }));
        });
    }

    [Test]
    public async Task A_failed_statement_never_reaches_the_backend()
    {
        var sandbox = await SharedSandbox.GetAsync();
        var (marker, sql) = NewStatement();
        var application = "fault-backend-" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = await OpenAsync(sandbox, application);

        using (sandbox.Fail(marker, "42P01", "table not found"))
        {
            Assert.That(
                () => ScalarAsync(connection, sql),
                Throws.TypeOf<PostgresException>().With.Property(nameof(PostgresException.SqlState)).EqualTo("42P01"));
            Assert.That(FrontLog.BackendStatements(sandbox, application), Has.None.Contains(marker), "nothing of it reached the backend");
        }

        // The same statement without the fault: the backend log would have shown it.
        Assert.That(await ScalarAsync(connection, sql), Is.EqualTo(marker));
        Assert.That(FrontLog.BackendStatements(sandbox, application), Has.One.Contains(marker));
    }

    [Test]
    public async Task Disposing_a_fault_removes_it()
    {
        var sandbox = await SharedSandbox.GetAsync();
        var (marker, sql) = NewStatement();
        await using var connection = await OpenAsync(sandbox, "fault-dispose");
        var fault = sandbox.Fail(marker, "42501", "not allowed");
        Assert.That(() => ScalarAsync(connection, sql), Throws.TypeOf<PostgresException>());

        fault.Dispose();
        fault.Dispose();

        Assert.That(await ScalarAsync(connection, sql), Is.EqualTo(marker));
        Assert.Multiple(() =>
        {
            Assert.That(fault.Matched, Is.EqualTo(1), "a removed fault counts nothing more");
            Assert.That(fault.Failed, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Concurrent_sessions_never_take_more_failures_than_given()
    {
        var sandbox = await SharedSandbox.GetAsync();
        var (marker, sql) = NewStatement();
        using var fault = sandbox.Fail(marker, "53300", "Session Limit Reached", times: 3);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var connection = await OpenAsync(sandbox, "fault-concurrent");
            try
            {
                return await ScalarAsync(connection, sql);
            }
            catch (PostgresException e) when (e.SqlState == "53300")
            {
                return "failed";
            }
        }));

        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Count(o => o == "failed"), Is.EqualTo(3));
            Assert.That(outcomes.Count(o => o == marker), Is.EqualTo(5));
            Assert.That(fault.Matched, Is.EqualTo(8));
            Assert.That(fault.Failed, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task An_attached_sandbox_cannot_inject_faults()
    {
        var sandbox = await SharedSandbox.GetAsync();
        await using var attached = QueryServiceSandbox.Attach(sandbox.State);

        Assert.That(() => attached.Fail("anything", "53300", "Session Limit Reached"),
            Throws.InvalidOperationException.With.Message.Contains("process that hosts the sandbox's front").And.Message.Contains(
                "attached"));
    }

    [TestCase("", "53300", "message", 1, "statementContains")]
    [TestCase("marker", "5330", "message", 1, "sqlState")]
    [TestCase("marker", "53a00", "message", 1, "sqlState")]
    [TestCase("marker", "53300", "", 1, "message")]
    [TestCase("marker", "53300", "message", -1, "times")]
    public async Task A_fault_needs_a_text_a_sqlstate_a_message_and_a_count(
        string statementContains, string sqlState, string message, int times, string wrong)
    {
        var sandbox = await SharedSandbox.GetAsync();
        Assert.That(() => sandbox.Fail(statementContains, sqlState, message, times),
            Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo(wrong));
    }

    // A Query Service read that returns its own marker, a text no other statement of the run contains.
    private static (string Marker, string Sql) NewStatement()
    {
        var marker = "fault-" + Guid.NewGuid().ToString("N");
        return (marker, $"SELECT '{marker}' AS marker");
    }

    private static async Task<NpgsqlConnection> OpenAsync(QueryServiceSandbox sandbox, string application)
    {
        var connection = new NpgsqlConnection(
            sandbox.ConnectionString(application) + ";Pooling=false;Server Compatibility Mode=NoTypeLoading");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<string?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (string?)await command.ExecuteScalarAsync();
    }
}

using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Tests.Storage;

/// <summary>
/// Every statement the stand-in receives is in its log. Opening a pooled connection, running one query and
/// returning the connection must send exactly that query: no type loading, no DISCARD ALL, no BEGIN.
/// </summary>
public sealed class RoundTripTests
{
    private const string Query = "SELECT 41 + 1 AS Value";

    [Test]
    public async Task A_pooled_query_sends_exactly_that_statement()
    {
        var sandbox = await SharedSandbox.GetAsync();
        var application = "rt-" + Guid.NewGuid().ToString("N")[..12];
        var factory = new QueryServiceDbContextFactory<EmptyContext>(sandbox.Credentials(), o => o.ApplicationName(application));

        // Twice: the second use takes the pooled connection back, which is where a reset would show.
        for (var i = 0; i < 2; i++)
        {
            await using var context = factory.CreateDbContext();
            Assert.That(await context.Database.SqlQueryRaw<int>(Query).ToListAsync(), Is.EqualTo(new[] { 42 }));
        }

        var statements = FrontLog.Statements(sandbox, application);
        Assert.Multiple(() =>
        {
            Assert.That(statements, Has.Count.EqualTo(2), string.Join("\n", statements));
            Assert.That(statements.Select(s => s.TrimEnd()), Has.All.EqualTo(Query), "the statement as written, nothing before it");
            Assert.That(FrontLog.Connections(sandbox, application), Is.EqualTo(1), "one physical connection, reused from the pool");
        });
    }

    [Test]
    public async Task Plain_npgsql_sends_more_which_is_what_the_test_above_would_catch()
    {
        var sandbox = await SharedSandbox.GetAsync();
        var application = "plain-" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder
        {
            Host = sandbox.Host, Port = sandbox.State.BackendPort, Database = sandbox.Database, Username = sandbox.Username,
            Password = sandbox.State.BackendPassword, SslMode = Npgsql.SslMode.Require, ApplicationName = application,
        }.ConnectionString;
        var options = new DbContextOptionsBuilder<EmptyContext>().UseNpgsql(connectionString).Options;

        for (var i = 0; i < 2; i++)
        {
            await using var context = new EmptyContext(options);
            Assert.That(await context.Database.SqlQueryRaw<int>(Query).ToListAsync(), Is.EqualTo(new[] { 42 }));
        }

        var statements = FrontLog.BackendStatements(sandbox, application);
        Assert.Multiple(() =>
        {
            Assert.That(statements, Has.Count.GreaterThan(2), "type loading and the pool reset are visible in the log");
            Assert.That(statements, Has.Some.Contains("SELECT version()"), "type loading starts with the server version");
            Assert.That(statements, Has.Some.Contains("DISCARD ALL"));
        });
    }
}

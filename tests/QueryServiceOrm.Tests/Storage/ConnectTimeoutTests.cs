using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Storage;

namespace QueryServiceOrm.Tests.Storage;

/// <summary>
/// The connect timeout bounds opening a session, TLS handshake included, on every path EF opens one: a server on
/// 127.0.0.1 that goes silent at one step gets a <see cref="QueryServiceConnectTimeoutException"/> naming that step, where
/// Npgsql alone waited forever in the TLS handshake and said "Exception while reading from stream" for the rest.
/// </summary>
public sealed class ConnectTimeoutTests
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    // Not a timing assertion: only a guard that turns a hang into a failure, far above the connect timeout.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    private static readonly object[] Silences =
    [
        new object[] { Silence.FromTheStart, QueryServiceConnectStep.TlsRequest },
        new object[] { Silence.AfterTlsRequest, QueryServiceConnectStep.TlsHandshake },
        new object[] { Silence.AfterTlsHandshake, QueryServiceConnectStep.Authentication },
    ];

    [TestCaseSource(nameof(Silences))]
    public async Task Queries_on_a_silent_server_time_out_naming_the_step(Silence silence, QueryServiceConnectStep step)
    {
        await using var server = new SilentServer(silence);
        await using var context = Context(server.Port);

        var tables = await FailureOf(() => context.Database.GetTableNamesAsync());
        var query = await FailureOf(() => context.Rows.Take(1).ToListAsync());
        var open = await FailureOf(() => context.Database.OpenConnectionAsync());

        AssertTimedOut(tables, server.Port, step);
        AssertTimedOut(query, server.Port, step);
        AssertTimedOut(open, server.Port, step);
        Assert.That(server.ConnectionsAccepted, Is.EqualTo(3), "one try each: a connect timeout is not retried");
    }

    [TestCaseSource(nameof(Silences))]
    public async Task Writes_on_a_silent_server_time_out_naming_the_step(Silence silence, QueryServiceConnectStep step)
    {
        await using var server = new SilentServer(silence);
        await using var context = Context(server.Port);
        var row = new AppendRow { Id = 1, At = DateTime.UnixEpoch };

        var append = await FailureOf(() => context.AppendAsync([row]));
        context.Rows.Add(row);
        var save = await FailureOf(() => context.SaveChangesAsync());

        AssertTimedOut(append, server.Port, step);
        AssertTimedOut(save, server.Port, step);
    }

    [TestCaseSource(nameof(Silences))]
    public async Task A_synchronous_open_on_a_silent_server_times_out_naming_the_step(Silence silence, QueryServiceConnectStep step)
    {
        await using var server = new SilentServer(silence);
        await using var context = Context(server.Port);

        var open = await FailureOf(() => Task.Run(() => context.Database.OpenConnection()));

        AssertTimedOut(open, server.Port, step);
    }

    [Test]
    public async Task A_port_whose_connections_are_never_established_times_out_at_the_tcp_connection()
    {
        using var server = new UnacceptingServer();
        await using var context = Context(server.Port);

        var open = await FailureOf(() => context.Database.OpenConnectionAsync());

        AssertTimedOut(open, server.Port, QueryServiceConnectStep.TcpConnect);
    }

    [Test]
    public async Task The_callers_cancellation_during_the_handshake_is_a_cancellation_not_a_timeout()
    {
        await using var server = new SilentServer(Silence.AfterTlsRequest);
        await using var context = Context(server.Port, TimeSpan.FromSeconds(600));
        using var cancel = new CancellationTokenSource();

        var open = context.Database.OpenConnectionAsync(cancel.Token);
        while (server.ConnectionsAccepted == 0)
        {
            await Task.Delay(20);
        }

        await cancel.CancelAsync();
        var failure = await FailureOf(() => open);

        Assert.That(QueryServiceErrors.Find<OperationCanceledException>(failure), Is.Not.Null, failure.ToString());
        Assert.That(QueryServiceErrors.Find<QueryServiceConnectTimeoutException>(failure), Is.Null);
    }

    private static AppendContext Context(int port, TimeSpan? connectTimeout = null)
        => new QueryServiceDbContextFactory<AppendContext>(
            new QueryServiceCredentials { Host = "127.0.0.1", Port = port, Username = "ORG@AdobeOrg", Password = "a-token" },
            o => o.ConnectTimeout(connectTimeout ?? ConnectTimeout)).CreateDbContext();

    private static async Task<Exception> FailureOf(Func<Task> action)
    {
        var call = action();
        if (await Task.WhenAny(call, Task.Delay(HangGuard)) != call)
        {
            Assert.Fail($"Still waiting after {HangGuard.TotalSeconds:0} s: the open is not bounded.");
        }

        try
        {
            await call;
        }
        catch (Exception e)
        {
            return e;
        }

        throw new AssertionException("The call succeeded against a server that never answers.");
    }

    private static void AssertTimedOut(Exception failure, int port, QueryServiceConnectStep step)
    {
        var timeout = QueryServiceErrors.Find<QueryServiceConnectTimeoutException>(failure);
        Assert.That(timeout, Is.Not.Null, failure.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(timeout!.Step, Is.EqualTo(step), timeout.Message);
            Assert.That(timeout.Timeout, Is.EqualTo(ConnectTimeout));
            Assert.That(timeout.Message, Does.StartWith($"Connecting to 127.0.0.1:{port} timed out after 2 s "));
            Assert.That(timeout.Message, Does.Contain("QueryService:ConnectTimeout").And.Contain("ConnectTimeout(...)"));
        });
    }
}

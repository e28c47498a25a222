using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Tests.Storage;

/// <summary>
/// The service's SQLSTATEs become typed exceptions, on reads and on raw SQL: the front answers a statement carrying a test's
/// marker with the error, as the service would (<see cref="QueryServiceOrm.Sandbox.QueryServiceSandbox.Fail"/>), and the
/// fault's counters tell how often it was sent. Retries: transient reads are tried again with backoff; writes never.
/// </summary>
public sealed class ServerErrorTests
{
    private static readonly object[] Cases =
    [
        new object[] { "53400", "statement timeout", typeof(QueryServiceTimeoutException) },
        new object[] { "53400", "LIMIT must not exceed 100000", typeof(QueryServiceLimitExceededException) },
        new object[] { "0A000", "not supported", typeof(QueryServiceNotSupportedException) },
        new object[] { "28P01", "invalid token", typeof(QueryServiceAuthenticationException) },
        new object[] { "42501", "not allowed to drop", typeof(QueryServicePermissionException) },
        new object[] { "42P01", "table not found", typeof(QueryServiceTableNotFoundException) },
        new object[] { "42601", "syntax error at end", typeof(QueryServiceSyntaxException) },
        new object[] { "58000", "function foo not defined", typeof(QueryServiceInternalException) },
        new object[] { "53300", "Session Limit Reached", typeof(QueryServiceSessionLimitException) },
        new object[] { "XX000", "Session Limit Reached for org", typeof(QueryServiceSessionLimitException) },
    ];

    [TestCaseSource(nameof(Cases))]
    public async Task A_sqlstate_becomes_its_typed_exception(string sqlState, string message, Type expected)
    {
        var sandbox = await ShopData.SeedAsync();
        var marker = Marker();
        using var fault = sandbox.Fail(marker, sqlState, message);
        await using var db = new QueryServiceDbContextFactory<ShopContext>(sandbox.Credentials(), NoRetries).CreateDbContext();
        var sql = $"SELECT length('{marker}') AS Value";

        var onRead = Assert.CatchAsync<QueryServiceServerException>(() => db.Database.SqlQueryRaw<int>(sql).ToListAsync())!;
        var onRawSql = Assert.CatchAsync<QueryServiceServerException>(() => db.Database.ExecuteSqlRawAsync(sql))!;

        Assert.That(fault.Failed, Is.EqualTo(2), "the front failed both");
        foreach (var error in new[] { onRead, onRawSql })
        {
            Assert.Multiple(() =>
            {
                Assert.That(error, Is.TypeOf(expected));
                Assert.That(error, Is.InstanceOf<QueryServiceException>());
                Assert.That(error.SqlState, Is.EqualTo(sqlState));
                Assert.That(error.ServerMessage, Is.EqualTo(message));
                Assert.That(error.Message, Does.Contain(sqlState).And.Contain(message));
                Assert.That(error.InnerException, Is.InstanceOf<PostgresException>());
            });
        }
    }

    [Test]
    public async Task Real_failures_of_the_stand_in_are_typed_too()
    {
        var sandbox = await ShopData.SeedAsync();
        await using var db = new QueryServiceDbContextFactory<ShopContext>(sandbox.Credentials(), NoRetries).CreateDbContext();
        await using var wrong = new QueryServiceDbContextFactory<ShopContext>(
            sandbox.Credentials() with { Password = "wrong" }, NoRetries).CreateDbContext();

        Assert.Multiple(() =>
        {
            Assert.That(
                () => db.Database.SqlQueryRaw<int>("SELECT id AS Value FROM no_such_table").ToListAsync(),
                Throws.TypeOf<QueryServiceTableNotFoundException>());
            Assert.That(() => db.Database.ExecuteSqlRawAsync("SELEC 1"), Throws.TypeOf<QueryServiceSyntaxException>());
            Assert.That(() => wrong.Customers.ToListAsync(), Throws.TypeOf<QueryServiceAuthenticationException>());
        });
    }

    [Test]
    public async Task A_read_refused_for_the_session_limit_is_retried_until_it_succeeds()
    {
        var sandbox = await ShopData.SeedAsync();
        var marker = Marker();
        using var fault = sandbox.Fail(marker, "53300", "Session Limit Reached", times: 2);
        await using var db = new QueryServiceDbContextFactory<ShopContext>(sandbox.Credentials(), FastRetries).CreateDbContext();

        var read = $"SELECT '{marker}' AS Value";
        var value = await db.Database.SqlQueryRaw<string>(read).SingleAsync();

        Assert.Multiple(() =>
        {
            Assert.That(value, Is.EqualTo(marker), "the third try ran");
            Assert.That(fault.Matched, Is.EqualTo(3), "three tries reached the front");
            Assert.That(fault.Failed, Is.EqualTo(2), "two refusals, then success on the third try");
        });
    }

    [Test]
    public async Task Retries_stop_at_the_cap_with_the_typed_exception()
    {
        var sandbox = await ShopData.SeedAsync();
        var marker = Marker();
        using var fault = sandbox.Fail(marker, "53300", "Session Limit Reached");
        await using var db = new QueryServiceDbContextFactory<ShopContext>(sandbox.Credentials(), FastRetries).CreateDbContext();

        var read = $"SELECT '{marker}' AS Value";
        Assert.That(() => db.Database.SqlQueryRaw<string>(read).SingleAsync(), Throws.TypeOf<QueryServiceSessionLimitException>());
        Assert.Multiple(() =>
        {
            Assert.That(fault.Matched, Is.EqualTo(4), "the first try and three retries");
            Assert.That(fault.Failed, Is.EqualTo(4), "each refused");
        });
    }

    [Test]
    public async Task A_write_is_never_retried()
    {
        var sandbox = await ShopData.SeedAsync();
        await using var db = new QueryServiceDbContextFactory<ShopContext>(sandbox.Credentials(), FastRetries).CreateDbContext();
        var sink = await NewSinkAsync(db);
        var marker = Marker();
        using var fault = sandbox.Fail(marker, "53300", "Session Limit Reached", times: 1);

        // One failure only: a retry would succeed and leave a row behind.
        var insert = $"INSERT INTO {sink} SELECT '{marker}'";
        Assert.That(() => db.Database.ExecuteSqlRawAsync(insert), Throws.TypeOf<QueryServiceSessionLimitException>());
        var rows = await RowsAsync(db, sink);
        Assert.Multiple(() =>
        {
            Assert.That(fault.Matched, Is.EqualTo(1), "the INSERT was sent once");
            Assert.That(rows, Is.Zero, "nothing was inserted");
        });
    }

    [Test]
    public async Task A_read_after_a_write_in_the_same_operation_is_not_retried()
    {
        var sandbox = await ShopData.SeedAsync();
        await using var db = new QueryServiceDbContextFactory<ShopContext>(sandbox.Credentials(), FastRetries).CreateDbContext();
        var sink = await NewSinkAsync(db);
        var marker = Marker();
        using var fault = sandbox.Fail(marker, "53300", "Session Limit Reached", times: 1);
        var insert = $"INSERT INTO {sink} SELECT 'written'";
        var read = $"SELECT '{marker}' AS Value";

        Assert.That(
            () => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await db.Database.ExecuteSqlRawAsync(insert);
                return await db.Database.SqlQueryRaw<string>(read).SingleAsync();
            }),
            Throws.TypeOf<QueryServiceSessionLimitException>());
        var rows = await RowsAsync(db, sink);
        Assert.Multiple(() =>
        {
            Assert.That(fault.Matched, Is.EqualTo(1), "the read was not sent again");
            Assert.That(rows, Is.EqualTo(1), "the INSERT was not sent twice");
        });
    }

    // A text no other statement of the run contains, so that a fault fails only this test's statements.
    private static string Marker() => "fault-" + Guid.NewGuid().ToString("N");

    private static async Task<string> NewSinkAsync(ShopContext db)
    {
        var sink = "fault_sink_" + Guid.NewGuid().ToString("N")[..8];
        var create = $"CREATE TABLE {sink} (note string)";
        await db.Database.ExecuteSqlRawAsync(create);
        return sink;
    }

    private static Task<long> RowsAsync(ShopContext db, string table)
    {
        var sql = $"SELECT count(*) AS Value FROM {table}";
        return db.Database.SqlQueryRaw<long>(sql).SingleAsync();
    }

    private static void NoRetries(QueryServiceDbContextOptionsBuilder options)
        => options.RetryReads(0, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10));

    private static void FastRetries(QueryServiceDbContextOptionsBuilder options)
        => options.RetryReads(3, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100));
}

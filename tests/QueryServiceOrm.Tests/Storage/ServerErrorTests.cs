using Microsoft.EntityFrameworkCore;
using Npgsql;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Tests.Support;

namespace QueryServiceOrm.Tests.Storage;

/// <summary>
/// The service's SQLSTATEs become typed exceptions, raised for real by the stand-in, on reads and on raw SQL.
/// Retries: transient reads are tried again with backoff; writes never.
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

    [OneTimeSetUp]
    public async Task CreateHelpersAsync()
    {
        var sandbox = await ShopData.SeedAsync();

        // qsorm_raise fails with any SQLSTATE; qsorm_flaky fails with "Session Limit Reached" until its sequence (which a
        // failed statement's rollback does not undo) has counted past the given number of failures.
        await sandbox.ExecuteAdminAsync("""
            CREATE OR REPLACE FUNCTION qsorm_raise(state text, message text) RETURNS integer LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION USING ERRCODE = state, MESSAGE = message; END $$;
            CREATE OR REPLACE FUNCTION qsorm_flaky(k text, failures integer) RETURNS bigint LANGUAGE plpgsql AS $$
            DECLARE tries bigint;
            BEGIN
              tries := nextval('qsorm_seq_' || k);
              IF tries <= failures THEN
                RAISE EXCEPTION USING ERRCODE = '53300', MESSAGE = 'Session Limit Reached';
              END IF;
              RETURN tries;
            END $$;
            """);
    }

    [TestCaseSource(nameof(Cases))]
    public async Task A_sqlstate_becomes_its_typed_exception(string sqlState, string message, Type expected)
    {
        var sandbox = await ShopData.SeedAsync();
        await using var db = new QueryServiceDbContextFactory<ShopContext>(Backend(sandbox), NoRetries).CreateDbContext();
        var sql = $"SELECT qsorm_raise('{sqlState}', '{message}') AS \"Value\"";

        var onRead = Assert.CatchAsync<QueryServiceServerException>(() => db.Database.SqlQueryRaw<int>(sql).ToListAsync())!;
        var onRawSql = Assert.CatchAsync<QueryServiceServerException>(() => db.Database.ExecuteSqlRawAsync(sql))!;

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
        await using var wrong = new QueryServiceDbContextFactory<ShopContext>(sandbox.Credentials() with { Password = "wrong" }, NoRetries).CreateDbContext();

        Assert.Multiple(() =>
        {
            Assert.That(() => db.Database.SqlQueryRaw<int>("SELECT id AS \"Value\" FROM no_such_table").ToListAsync(), Throws.TypeOf<QueryServiceTableNotFoundException>());
            Assert.That(() => db.Database.ExecuteSqlRawAsync("SELEC 1"), Throws.TypeOf<QueryServiceSyntaxException>());
            Assert.That(() => wrong.Customers.ToListAsync(), Throws.TypeOf<QueryServiceAuthenticationException>());
        });
    }

    [Test]
    public async Task A_read_refused_for_the_session_limit_is_retried_until_it_succeeds()
    {
        var sandbox = await ShopData.SeedAsync();
        var key = await NewCounterAsync(sandbox, "read");
        await using var db = new QueryServiceDbContextFactory<ShopContext>(Backend(sandbox), FastRetries).CreateDbContext();

        var sql = $"SELECT qsorm_flaky('{key}', 2) AS \"Value\"";
        var tries = await db.Database.SqlQueryRaw<long>(sql).SingleAsync();

        Assert.That(tries, Is.EqualTo(3), "two refusals, then success on the third try");
    }

    [Test]
    public async Task Retries_stop_at_the_cap_with_the_typed_exception()
    {
        var sandbox = await ShopData.SeedAsync();
        var key = await NewCounterAsync(sandbox, "cap");
        await using var db = new QueryServiceDbContextFactory<ShopContext>(Backend(sandbox), FastRetries).CreateDbContext();

        var sql = $"SELECT qsorm_flaky('{key}', 100) AS \"Value\"";
        Assert.That(() => db.Database.SqlQueryRaw<long>(sql).SingleAsync(), Throws.TypeOf<QueryServiceSessionLimitException>());
        var attempts = await AttemptsAsync(db, key);
        Assert.That(attempts, Is.EqualTo(4), "the first try and three retries");
    }

    [Test]
    public async Task A_write_is_never_retried()
    {
        var sandbox = await ShopData.SeedAsync();
        var key = await NewCounterAsync(sandbox, "write");
        await NewSinkAsync(sandbox, key);
        await using var db = new QueryServiceDbContextFactory<ShopContext>(Backend(sandbox), FastRetries).CreateDbContext();

        var insert = $"INSERT INTO qsorm_sink_{key} SELECT qsorm_flaky('{key}', 1)";
        Assert.That(() => db.Database.ExecuteSqlRawAsync(insert), Throws.TypeOf<QueryServiceSessionLimitException>());
        var attempts = await AttemptsAsync(db, key);
        Assert.That(attempts, Is.EqualTo(1), "the INSERT ran once");
    }

    // qsorm_raise and qsorm_flaky are PostgreSQL functions that inject the service's failures; the front would rightly
    // refuse them as undefined Spark functions, so these tests reach the backend with the PostgreSql dialect.
    private static QueryServiceCredentials Backend(QueryServiceOrm.Sandbox.QueryServiceSandbox sandbox)
        => sandbox.Credentials(QueryServiceDialect.PostgreSql);

    private static Task NewSinkAsync(QueryServiceOrm.Sandbox.QueryServiceSandbox sandbox, string key)
        => sandbox.ExecuteAdminAsync($"CREATE TABLE qsorm_sink_{key} (n bigint); ALTER TABLE qsorm_sink_{key} OWNER TO \"{sandbox.Username}\"");

    private static async Task<string> NewCounterAsync(QueryServiceOrm.Sandbox.QueryServiceSandbox sandbox, string prefix)
    {
        var key = prefix + Guid.NewGuid().ToString("N")[..8];
        await sandbox.ExecuteAdminAsync($"CREATE SEQUENCE qsorm_seq_{key}; ALTER SEQUENCE qsorm_seq_{key} OWNER TO \"{sandbox.Username}\"");
        return key;
    }

    [Test]
    public async Task A_read_after_a_write_in_the_same_operation_is_not_retried()
    {
        var sandbox = await ShopData.SeedAsync();
        var key = await NewCounterAsync(sandbox, "mixed");
        await NewSinkAsync(sandbox, key);
        await using var db = new QueryServiceDbContextFactory<ShopContext>(Backend(sandbox), FastRetries).CreateDbContext();
        var insert = $"INSERT INTO qsorm_sink_{key} SELECT 1";
        var read = $"SELECT qsorm_flaky('{key}', 1) AS \"Value\"";

        Assert.That(
            () => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await db.Database.ExecuteSqlRawAsync(insert);
                return await db.Database.SqlQueryRaw<long>(read).SingleAsync();
            }),
            Throws.TypeOf<QueryServiceSessionLimitException>());
        var sql = $"SELECT count(*) AS \"Value\" FROM qsorm_sink_{key}";
        Assert.That(await db.Database.SqlQueryRaw<long>(sql).SingleAsync(), Is.EqualTo(1), "the INSERT was not sent twice");
    }

    private static Task<long> AttemptsAsync(ShopContext db, string key)
    {
        var sql = $"SELECT last_value AS \"Value\" FROM qsorm_seq_{key}";
        return db.Database.SqlQueryRaw<long>(sql).SingleAsync();
    }

    private static void NoRetries(QueryServiceDbContextOptionsBuilder options) => options.RetryReads(0, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10));

    private static void FastRetries(QueryServiceDbContextOptionsBuilder options) => options.RetryReads(3, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100));
}

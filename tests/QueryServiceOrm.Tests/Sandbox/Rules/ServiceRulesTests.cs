namespace QueryServiceOrm.Tests.Sandbox.Rules;

/// <summary>
/// Each of the service's refusals, sent to the front by Npgsql: the SQLSTATE the service gives, the journal's "refused",
/// and nothing of the statement in the backend's statement log.
/// </summary>
public sealed class ServiceRulesTests
{
    private const string Flat = "rules_flat";

    [OneTimeSetUp]
    public async Task CreateTablesAsync()
    {
        var sandbox = await SharedSandbox.GetAsync();
        // One table the user made, one the sandbox made (owned by its superuser, as a dataset ingested by the platform).
        await sandbox.ExecuteAdminAsync($"""
            DROP TABLE IF EXISTS {Flat}, rules_dataset;
            CREATE TABLE {Flat} (id bigint, name text);
            ALTER TABLE {Flat} OWNER TO "{sandbox.Username}";
            INSERT INTO {Flat} SELECT g, 'n' || g FROM generate_series(1, 60000) g;
            CREATE TABLE rules_dataset (id bigint);
            """);
    }

    [TestCase("UPDATE rules_flat SET name = 'x'", "0A000")]
    [TestCase("DELETE FROM rules_flat WHERE id = 1", "0A000")]
    [TestCase("MERGE INTO rules_flat t USING rules_flat s ON t.id = s.id WHEN MATCHED THEN UPDATE SET name = s.name", "0A000")]
    [TestCase("TRUNCATE TABLE rules_flat", "0A000")]
    [TestCase("INSERT INTO rules_flat SELECT id, name FROM rules_flat RETURNING id", "0A000")]
    [TestCase("CREATE SEQUENCE rules_seq", "0A000")]
    [TestCase("COMMIT", "0A000")]
    [TestCase("SAVEPOINT s1", "0A000")]
    [TestCase("INSERT INTO rules_flat VALUES (1, 'a')", "42601")]
    [TestCase("INSERT OVERWRITE TABLE rules_flat SELECT id, name FROM rules_flat", "0A000")]
    [TestCase("SELECT * FROM #my_template", "42601")]
    [TestCase("CREATE TABLE rules__double AS SELECT id FROM rules_flat", "42602")]
    [TestCase("SELECT id FROM rules_flat LIMIT 100001", "53400")]
    [TestCase("DROP TABLE rules_dataset", "42501")]
    public async Task The_front_refuses_what_the_service_refuses_and_the_backend_never_sees_it(string sql, string sqlState)
    {
        var sandbox = await SharedSandbox.GetAsync();
        var application = "rules-" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = new NpgsqlConnection(
            sandbox.ConnectionString(application) + ";Pooling=false;Server Compatibility Mode=NoTypeLoading");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);

        var error = Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync())!;
        var journal = sandbox.ReadJournal().Where(e => e.Application == application && e.Sql == sql).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(error.SqlState, Is.EqualTo(sqlState), error.MessageText);
            Assert.That(error.MessageText, Is.Not.Empty);
            Assert.That(journal.Select(e => $"{e.Outcome} {e.SqlState} {e.Sql}"), Is.EqualTo(new[] { $"refused {sqlState} {sql}" }));
            Assert.That(FrontLog.BackendStatements(sandbox, application), Is.Empty, "nothing reached the backend");
        });
    }

    [Test]
    public async Task Results_stop_at_50000_rows_unless_the_query_says_LIMIT_0()
    {
        var sandbox = await SharedSandbox.GetAsync();
        await using var connection = new NpgsqlConnection(sandbox.ConnectionString("rules-cap") + ";Pooling=false");
        await connection.OpenAsync();
        var capped = await CountAsync(connection, $"SELECT id FROM {Flat}");
        var unlimited = await CountAsync(connection, $"SELECT id FROM {Flat} LIMIT 0");
        var reference = await sandbox.PsqlAsync($"SELECT count(*) FROM {Flat}");
        Assert.Multiple(() =>
        {
            Assert.That(capped, Is.EqualTo(50_000));
            Assert.That(unlimited, Is.EqualTo(long.Parse(reference[0][0]!, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(unlimited, Is.EqualTo(60_000));
        });
    }

    [Test]
    public async Task A_statement_past_the_timeout_is_stopped_with_53400()
    {
        await using var sandbox = await QueryServiceSandbox.StartAsync(
            new QueryServiceSandboxOptions { StatementTimeout = TimeSpan.FromSeconds(1) });
        await sandbox.ExecuteAdminAsync("CREATE TABLE many (id bigint); INSERT INTO many SELECT generate_series(1, 3000)");
        await using var connection = new NpgsqlConnection(sandbox.ConnectionString("rules-timeout") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM many a, many b, many c", connection) { CommandTimeout = 60 };
        var error = Assert.ThrowsAsync<PostgresException>(() => command.ExecuteScalarAsync())!;
        Assert.That(error.SqlState, Is.EqualTo("53400"), error.MessageText);
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        long rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
        }

        return rows;
    }
}

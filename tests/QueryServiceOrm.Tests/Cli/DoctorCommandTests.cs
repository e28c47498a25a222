using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Tests.Cli;

/// <summary>
/// <c>qsorm doctor</c> against the emulator, whose answers it reports: the backquote and (unlike Spark) "f" both read a
/// field after a dot, INSERT ... VALUES and COMMIT are refused, bind parameters work, OFFSET and the lateral subquery
/// work, float keeps 4 bytes, and version() says 3.5.1.
/// </summary>
[NonParallelizable]
public sealed class DoctorCommandTests
{
    private static readonly QueryServiceDialect EmulatorDialect =
        QueryServiceDialect.Default with { DoubleColumnType = QueryServiceDoubleColumnType.Double };

    private static readonly string[] EmulatorLines =
    [
        "identifier quoting:  t.s.`f` returns 1; t.s.\"f\" refused: Double quotes may not be combined with dot paths on Query Service: "
        + "quote a path segment with back quotes (t.s.`f`). (SQLSTATE 42601) -> IdentifierQuote=Backquote",
        "INSERT ... VALUES:   refused: INSERT ... VALUES is not in Query Service's grammar. (SQLSTATE 42601) (not used by the library: "
        + "it appends with "
            + "INSERT INTO t (cols) SELECT * FROM (VALUES ...) AS v(...) either way)",
        "width of float:      0.1 reads back as 0.10000000149011612 (4 bytes); CREATE TABLE (f double) accepted -> DoubleColumnType=Double",
        "bind parameters:     a bound value comes back unchanged -> ParameterMode=Inline (documented; set Dialect:ParameterMode=Bind "
        + "yourself to use them)",
        "COMMIT:              refused: COMMIT is not supported by Query Service. (SQLSTATE 0A000) (informational: the library never "
        + "sends transactions)",
        "OFFSET:              LIMIT 1 OFFSET 1 returns 2 -> SupportsOffset=true",
        "explode:             JOIN LATERAL (SELECT explode(t.a)) returns 1, 2 -> ExplodeForm=LateralSubquery",
        "Spark version:       3.5.1 QueryServiceOrm.Sandbox",
    ];

    private QueryServiceSandbox _sandbox = null!;
    private QsormHome _home = null!;

    [SetUp]
    public async Task SetProfile()
    {
        _sandbox = await SharedSandbox.GetAsync();
        _home = new QsormHome();
        var set = await _home.SetProfileAsync(_sandbox, "local", _sandbox.Port);
        Assert.That(set.Code, Is.Zero, set.Errors);
    }

    [TearDown]
    public void RemoveHome() => _home.Dispose();

    private Task<Qsorm.Result> RunAsync(string? input, params string[] args) => _home.RunAsync(input, args);

    [Test]
    public async Task It_reports_the_emulators_answers_and_leaves_no_scratch_table()
    {
        var before = _sandbox.ReadJournal().Count;
        var result = await RunAsync(null, "doctor", "--profile", "local");
        var sent = _sandbox.ReadJournal().Skip(before).Select(e => e.Sql).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(result.Code, Is.Zero, result.Errors);
            Assert.That(ProbeLines(result.Output), Is.EqualTo(EmulatorLines));
            Assert.That(ReportedDialect(result.Output), Is.EqualTo(EmulatorDialect));
            Assert.That(
                sent.Count(s => s.StartsWith("CREATE TABLE qsorm_doctor_", StringComparison.Ordinal)),
                Is.EqualTo(2),
                string.Join("\n", sent));
            Assert.That(
                sent.Count(s => s.StartsWith("DROP TABLE IF EXISTS qsorm_doctor_", StringComparison.Ordinal)),
                Is.EqualTo(2),
                string.Join("\n", sent));
            Assert.That(await ScratchTablesLeftAsync(), Is.Zero);
            Assert.That(result.Output + result.Errors, Does.Not.Contain(_sandbox.Password));
        });
    }

    [Test]
    public async Task Write_merges_into_the_profile_keeping_its_keys_and_mode()
    {
        var result = await RunAsync(null, "doctor", "--profile", "local", "--write");
        var path = Path.Combine(_home.Directory, "local.json");
        var section = JsonNode.Parse(await File.ReadAllTextAsync(path))![QueryServiceCredentialKeys.Section]!;
        Assert.Multiple(() =>
        {
            Assert.That(result.Code, Is.Zero, result.Errors);
            Assert.That(result.Output, Does.Contain($"Wrote the Dialect settings to {path}."));
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That((string?)section["Host"], Is.EqualTo(_sandbox.Host));
            Assert.That((string?)section["Password"], Is.EqualTo(_sandbox.Password));
            Assert.That(
                Reload(new ConfigurationBuilder().AddJsonFile(path)).Dialect,
                Is.EqualTo(ReportedDialect(result.Output)).And.EqualTo(EmulatorDialect));
            Assert.That(result.Output + result.Errors, Does.Not.Contain(_sandbox.Password));
        });
    }

    [Test]
    public async Task As_a_process_write_merges_into_appsettings_keeping_other_sections()
    {
        var directory = Directory.CreateTempSubdirectory("qsorm-doctor-").FullName;
        try
        {
            var path = Path.Combine(directory, "appsettings.json");
            await File.WriteAllTextAsync(path, """
                {
                  // kept, though comments are not
                  "Logging": { "LogLevel": { "Default": "Warning" } },
                  "queryService": { "dialect": { "explodeForm": "LateralView", "IdentifierQuote": "DoubleQuote" } },
                }
                """);
            var result = await Qsorm.RunProcessInAsync(directory, _sandbox.EnvironmentVariables(), null, "doctor", "--write");
            var root = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
            Assert.Multiple(() =>
            {
                Assert.That(result.Code, Is.Zero, result.Errors);
                Assert.That(ProbeLines(result.Output), Is.EqualTo(EmulatorLines));
                Assert.That(result.Output, Does.Contain($"Wrote the Dialect settings to {path}."));
                Assert.That((string?)root["Logging"]!["LogLevel"]!["Default"], Is.EqualTo("Warning"));
                Assert.That(root.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "Logging", "queryService" }));
                Assert.That((string?)root["queryService"]!["dialect"]!["explodeForm"], Is.EqualTo("LateralSubquery"));
                Assert.That(
                    Reload(new ConfigurationBuilder().AddJsonFile(path).AddInMemoryCollection(Credentials())).Dialect,
                    Is.EqualTo(EmulatorDialect));
                Assert.That(result.Output + result.Errors, Does.Not.Contain(_sandbox.Password));
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task A_refused_probe_is_reported_and_a_lost_session_is_replaced_before_the_drop()
    {
        using var version = _sandbox.Fail("SELECT version()", "42883", "Undefined function: version");
        using var lost = _sandbox.Fail("SELECT CAST(f AS double)", "XX000", "the session was lost");
        var result = await RunAsync(null, "doctor", "--profile", "local");
        Assert.Multiple(async () =>
        {
            Assert.That(result.Code, Is.Zero, result.Errors);
            Assert.That(
                result.Output,
                Does.Contain(
                    "width of float:      0.1 refused: the session was lost (SQLSTATE XX000) -> DoubleColumnType=Float (the documented "
                    + "form)"));
            Assert.That(
                result.Output, Does.Contain("Spark version:       not reported (refused: Undefined function: version (SQLSTATE 42883))"));
            Assert.That(result.Output, Does.Contain("OFFSET:              LIMIT 1 OFFSET 1 returns 2"));
            Assert.That(ReportedDialect(result.Output), Is.EqualTo(QueryServiceDialect.Default));
            Assert.That(result.Errors, Does.Not.Contain("warning"));
            Assert.That(await ScratchTablesLeftAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task A_missing_profile_and_a_bad_timeout_are_user_errors()
    {
        var missing = await RunAsync(null, "doctor", "--profile", "nobody");
        var badTimeout = await RunAsync(null, "doctor", "--profile", "local", "--timeout", "0");
        Assert.Multiple(() =>
        {
            Assert.That(missing.Code, Is.EqualTo(1));
            Assert.That(missing.Errors, Does.Contain("no profile named 'nobody'"));
            Assert.That(badTimeout.Code, Is.EqualTo(1));
            Assert.That(badTimeout.Errors, Does.Contain("--timeout takes a positive number"));
        });
    }

    // The lines before the JSON, without the padding's trailing spaces.
    private static string[] ProbeLines(string output)
        => output.Split('\n').Select(l => l.TrimEnd('\r')).TakeWhile(l => l != "{").ToArray();

    private static QueryServiceDialect ReportedDialect(string output)
    {
        var json = output[output.IndexOf("\n{", StringComparison.Ordinal)..];
        json = json[..(json.LastIndexOf('}') + 1)];
        return Reload(
            new ConfigurationBuilder()
                .AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)))
                .AddInMemoryCollection(Credentials())).Dialect;
    }

    // Any valid credentials: only the dialect read beside them matters here.
    private static Dictionary<string, string?> Credentials()
        => new()
        {
            ["QueryService:Host"] = "127.0.0.1",
            ["QueryService:Username"] = "ORG@AdobeOrg",
            ["QueryService:Password"] = "token",
        };

    private static QueryServiceCredentials Reload(IConfigurationBuilder builder)
        => QueryServiceCredentials.FromConfiguration(builder.Build());

    private async Task<int> ScratchTablesLeftAsync()
        => int.Parse(
            (await _sandbox.PsqlAsync("SELECT count(*) FROM pg_class WHERE relname LIKE 'qsorm\\_doctor\\_%'"))[0][0]!,
            CultureInfo.InvariantCulture);
}

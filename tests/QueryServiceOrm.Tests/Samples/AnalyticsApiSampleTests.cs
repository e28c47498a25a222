using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace QueryServiceOrm.Tests.Samples;

/// <summary>
/// migrations-samples/AnalyticsApi as its README runs it: a sandbox from qsorm, its variables exported, the API started
/// on 127.0.0.1 and called over real HTTP; every answer compared with psql, errors as problem details, and 50
/// concurrent requests served through a pool of five sessions, queued rather than failed; its console log read as an
/// operator would read it.
/// </summary>
[NonParallelizable]
public sealed class AnalyticsApiSampleTests
{
    private SandboxHome _home = null!;
    private Process _api = null!;
    private HttpClient _http = null!;
    private QueryServiceSandbox _sandbox = null!;
    private readonly List<string> _log = [];

    [OneTimeSetUp]
    public async Task StartTheApi()
    {
        _home = await SandboxHome.StartAsync(rows: 3000);
        _sandbox = _home.Sandbox;
        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.Sample("AnalyticsApi"), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(RepositoryPaths.Sample("AnalyticsApi"))!,
        };
        foreach (var (name, value) in await _home.ExportsAsync())
        {
            start.Environment[name] = value;
        }

        _api = Process.Start(start)!;
        _ = _api.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await _api.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Regex.Match(line, @"Now listening on: (http://127\.0\.0\.1:\d+)") is { Success: true } listening)
            {
                _http = new HttpClient { BaseAddress = new Uri(listening.Groups[1].Value) };
                break;
            }
        }

        Assert.That(_http, Is.Not.Null, "the API did not start");
        _ = RecordLogAsync(_api.StandardOutput);
    }

    private async Task RecordLogAsync(StreamReader output)
    {
        while (await output.ReadLineAsync() is { } line)
        {
            lock (_log)
            {
                _log.Add(line);
            }
        }
    }

    private int LogLength
    {
        get
        {
            lock (_log)
            {
                return _log.Count;
            }
        }
    }

    /// <summary>
    /// The console log's lines from <paramref name="start"/> on, once <paramref name="until"/> holds for them or after
    /// ten seconds (then the caller's assertions say what is missing). The console logger writes entries in the order
    /// they were logged, so everything logged before the awaited line is there too.
    /// </summary>
    private async Task<List<string>> LogAsync(int start, Func<List<string>, bool> until)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            List<string> lines;
            lock (_log)
            {
                lines = _log[start..];
            }

            if (until(lines) || timeout.IsCancellationRequested)
            {
                return lines;
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    private static bool IsStackFrame(string line) => Regex.IsMatch(line, @"^\s+at \S");

    // The message line, which the console logger writes after the entry's level and category line.
    private static int ProblemsLogged(List<string> lines) => lines.Count(l => Regex.IsMatch(l, @"^\s+(GET|POST) /\S+ answered 4\d\d: "));

    [OneTimeTearDown]
    public async Task StopTheApi()
    {
        _http?.Dispose();
        if (_api is { HasExited: false })
        {
            _api.Kill(entireProcessTree: true);
            await _api.WaitForExitAsync();
        }

        _api?.Dispose();
        await _home.DisposeAsync();
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string[][] Rows(JsonElement array, params string[] members)
        => array.EnumerateArray().Select(row => members.Select(m => row.GetProperty(m).ToString()).ToArray()).ToArray();

    [Test]
    public async Task Health_is_reported_through_the_DbContext_check()
    {
        using var response = await _http.GetAsync("/health");
        Assert.That((response.StatusCode, await response.Content.ReadAsStringAsync()), Is.EqualTo((HttpStatusCode.OK, "Healthy")));
    }

    [Test]
    public async Task Nested_reads_return_what_psql_returns()
    {
        var pages = await GetJsonAsync("/pages/top?limit=4");
        var products = await GetJsonAsync("/products/top");
        var evt = await GetJsonAsync("/events/evt-00000003");
        Assert.Multiple(async () =>
        {
            Assert.That(Rows(pages, "page", "views"), Is.EqualTo(await _sandbox.PsqlAsync(
                """SELECT ("web")."webPageDetails"."name", count(*) FROM xdm_events WHERE ("web")."webPageDetails"."name" IS NOT NULL """
                + """GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 4""")));
            Assert.That(Rows(products, "product", "quantity"), Is.EqualTo(await _sandbox.PsqlAsync(
                """SELECT p.name, sum(p.quantity) FROM xdm_events, unnest("productListItems") AS p GROUP BY 1 ORDER BY 2 DESC, 1""")));
            Assert.That(
                new[]
                {
                    evt.GetProperty("eventType").ToString(),
                    evt.GetProperty("environment").GetProperty("browserDetails").GetProperty("name").ToString(),
                    evt.GetProperty("productListItems") is { ValueKind: JsonValueKind.Array } items
                        ? items.GetArrayLength().ToString()
                        : "0"
                },
                Is.EqualTo(
                    (
                        await _sandbox.PsqlAsync(
                            """SELECT "eventType", ("environment")."browserDetails"."name", coalesce(cardinality("productListItems"), """
                            + """0) FROM xdm_events WHERE _id = 'evt-00000003'"""))[0]));
        });
    }

    [Test]
    public async Task An_append_lands_and_a_missing_event_is_not_found()
    {
        using var appended = await _http.PostAsJsonAsync("/events/flat", new[]
        {
            new { id = "api-1", timestamp = "2026-11-22T10:00:00Z", pageName = "API page, \"quoted\"" },
            new { id = "api-2", timestamp = "2026-11-22T10:00:01Z", pageName = "Ünïcode" },
        });
        using var missing = await _http.GetAsync("/events/no-such-event");
        var answer = await appended.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(async () =>
        {
            Assert.That(appended.StatusCode, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
            Assert.That(answer.GetProperty("appended").GetInt64(), Is.EqualTo(2));
            Assert.That(await _sandbox.PsqlAsync("""SELECT _id, "pageName" FROM xdm_flat WHERE _id LIKE 'api-%' ORDER BY 1"""),
                Is.EqualTo(new[] { new[] { "api-1", "API page, \"quoted\"" }, new[] { "api-2", "Ünïcode" } }));
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task A_ctas_report_is_created_read_back_and_service_errors_become_problem_details()
    {
        using var created = await _http.PostAsync("/reports/api_event_report", null);
        using var again = await _http.PostAsync("/reports/api_event_report", null);
        using var missing = await _http.GetAsync("/reports/no_such_report");
        using var badName = await _http.PostAsync("/reports/bad__name", null);
        using var upperCase = await _http.PostAsync("/reports/Api_Report", null);
        var expected = await _sandbox.PsqlAsync("""SELECT "eventType", count(*) FROM xdm_events GROUP BY 1 ORDER BY 2 DESC, 1""");
        Assert.Multiple(async () =>
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
            Assert.That(Rows(await created.Content.ReadFromJsonAsync<JsonElement>(), "eventType", "events"), Is.EqualTo(expected));
            Assert.That(
                await _sandbox.PsqlAsync("""SELECT "EventType", "Events" FROM api_event_report ORDER BY 2 DESC, 1"""),
                Is.EqualTo(expected));
            await AssertProblemAsync(again, HttpStatusCode.Conflict, "42P07");
            await AssertProblemAsync(missing, HttpStatusCode.NotFound, "42P01");
            await AssertProblemAsync(badName, HttpStatusCode.BadRequest, null);
            await AssertProblemAsync(upperCase, HttpStatusCode.BadRequest, null);
            Assert.That(
                await _sandbox.PsqlAsync("SELECT count(*) FROM pg_class WHERE lower(relname) IN ('api_report', 'bad__name')"),
                Is.EqualTo(new[] { new[] { "0" } }),
                "a refused name creates nothing");
        });
    }

    [Test]
    public async Task A_404_and_a_409_are_logged_once_as_information_without_a_stack_trace()
    {
        var start = LogLength;
        using var created = await _http.PostAsync("/reports/logged_report", null);
        using var again = await _http.PostAsync("/reports/logged_report", null);
        using var missing = await _http.GetAsync("/reports/no_such_logged_report");
        var log = await LogAsync(start, lines => ProblemsLogged(lines) == 2);
        Assert.Multiple(() =>
        {
            Assert.That(
                (created.StatusCode, again.StatusCode, missing.StatusCode),
                Is.EqualTo((HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.NotFound)));
            Assert.That(log.Where(l => l.StartsWith("fail:", StringComparison.Ordinal)), Is.Empty, "nothing at Error");
            Assert.That(log.Where(IsStackFrame), Is.Empty, "no stack trace");
            Assert.That(
                log.Where(l => l.StartsWith("info: AnalyticsApi.QueryServiceProblems[1]", StringComparison.Ordinal)),
                Has.Exactly(2).Items,
                "each logged once, at Information");
            Assert.That(log, Has.One.Contains("POST /reports/logged_report answered 409: Query Service refused the statement."));
            Assert.That(log, Has.One.Contains("GET /reports/no_such_logged_report answered 404: The table does not exist"));
        });
    }

    [Test]
    public async Task A_fault_the_api_does_not_map_is_a_500_logged_once_at_error_with_its_stack_trace()
    {
        // A table that is not a report: its Events column is text, which the report's int cannot be read from.
        await _sandbox.PsqlFrontAsync("CREATE TABLE not_a_report AS SELECT 'page' AS EventType, 'many' AS Events");
        var start = LogLength;
        using var fault = await _http.GetAsync("/reports/not_a_report");

        // A logged 404 after it: once that is in the log, so is everything the fault logged.
        using var barrier = await _http.GetAsync("/reports/no_such_report_after_the_fault");
        var log = await LogAsync(start, lines => ProblemsLogged(lines) == 1);
        Assert.Multiple(() =>
        {
            Assert.That((fault.StatusCode, barrier.StatusCode), Is.EqualTo((HttpStatusCode.InternalServerError, HttpStatusCode.NotFound)));
            Assert.That(
                log.Where(l => l.StartsWith("fail:", StringComparison.Ordinal)),
                Is.EqualTo(new[] { "fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]" }),
                "one Error, the middleware's");
            Assert.That(
                log.Where(l => l.TrimStart().StartsWith("System.InvalidCastException:", StringComparison.Ordinal)),
                Has.Exactly(1).Items,
                "one stack trace");
            Assert.That(log.Where(IsStackFrame), Is.Not.Empty, "with its frames");
        });
    }

    [Test]
    public async Task Flat_events_without_their_id_or_timestamp_are_refused_naming_them_and_none_is_stored()
    {
        const string count = "SELECT count(*) FROM xdm_flat";
        var before = await _sandbox.PsqlAsync(count);
        using var refused = await _http.PostAsJsonAsync("/events/flat", new object[]
        {
            new { id = "api-3" },
            new { timestamp = "2026-11-22T10:00:03Z", pageName = "no id" },
            new { id = "api-4", timestamp = "2026-11-22T10:00:04Z" },
        });
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(async () =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToString());
            Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(e => e.Name) : [],
                Is.EquivalentTo(new[] { "events[0].Timestamp", "events[1].Id" }), problem.ToString());
            Assert.That(await _sandbox.PsqlAsync(count), Is.EqualTo(before), "nothing stored, not even the valid event");
        });
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? sqlState)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(status));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
        Assert.That(problem.GetProperty("detail").GetString(), Is.Not.Empty);
        Assert.That(problem.GetProperty("sqlState").ToString(), Is.EqualTo(sqlState ?? ""));
    }

    [Test]
    public async Task Fifty_concurrent_requests_through_a_pool_of_five_wait_for_a_session_and_all_succeed()
    {
        // The events table is locked while the requests arrive: the five sessions the pool may open block on it, so the
        // other forty-five can only wait in the pool. Released, all fifty complete.
        await using var admin = await _sandbox.OpenAdminConnectionAsync();
        await using var transaction = await admin.BeginTransactionAsync();
        await using (var lockTable = new Npgsql.NpgsqlCommand("LOCK TABLE xdm_events IN ACCESS EXCLUSIVE MODE", admin, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var requests = Enumerable.Range(0, 50).Select(i => _http.GetAsync(i % 2 == 0 ? "/products/top" : "/pages/top?limit=20")).ToList();
        var blocked = 0;
        for (var attempt = 0; attempt < 200 && blocked < 5; attempt++)
        {
            await Task.Delay(50);
            blocked = int.Parse(
                (await _sandbox.PsqlAsync(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'analytics-api' AND wait_event_type = 'Lock'"))[0][0]!,
                System.Globalization.CultureInfo.InvariantCulture);
        }

        await Task.Delay(300);
        var sessionsWhileLocked = await _sandbox.PsqlAsync(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'analytics-api'");
        var finishedWhileLocked = requests.Count(r => r.IsCompleted);
        await transaction.CommitAsync();
        var responses = await Task.WhenAll(requests);
        var statuses = responses.Select(r => r.StatusCode).ToList();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Multiple(() =>
        {
            Assert.That(blocked, Is.EqualTo(5), "five sessions busy on the server");
            Assert.That(sessionsWhileLocked, Is.EqualTo(new[] { new[] { "5" } }), "and not one more: the rest wait in the pool");
            Assert.That(finishedWhileLocked, Is.Zero, "no request failed while it waited");
            Assert.That(statuses, Has.Count.EqualTo(50).And.All.EqualTo(HttpStatusCode.OK));
            Assert.That(
                FrontLog.Connections(_sandbox, "analytics-api"), Is.InRange(1, 5), "never more than five sessions over the whole run");
        });
    }
}

using System.Net;
using System.Net.Http.Headers;
using QueryServiceOrm.Rest;

namespace QueryServiceOrm.Tests.Sandbox.Rest;

/// <summary>
/// The sandbox's REST API as Adobe documents it: the gateway's header checks, jobs run without the interactive row cap,
/// a failed job's errors in the service's words, and paging through the list.
/// </summary>
[NonParallelizable]
public sealed class RestHostTests
{
    private const string Rows = "rest_rows";
    private QueryServiceSandbox _sandbox = null!;

    [OneTimeSetUp]
    public async Task CreateTableAsync()
    {
        _sandbox = await SharedSandbox.GetAsync();
        await _sandbox.ExecuteAdminAsync($"""
            DROP TABLE IF EXISTS {Rows};
            CREATE TABLE {Rows} AS SELECT g::bigint AS id FROM generate_series(1, 60001) g;
            """);
    }

    [TestCase(null, "client", "org", "sandbox", HttpStatusCode.Unauthorized)]
    [TestCase("not-the-token", "client", "org", "sandbox", HttpStatusCode.Unauthorized)]
    [TestCase("token", null, "org", "sandbox", HttpStatusCode.Forbidden)]
    [TestCase("token", "client", null, "sandbox", HttpStatusCode.Forbidden)]
    [TestCase("token", "client", "org", "other", HttpStatusCode.Forbidden)]
    public async Task The_gateway_refuses_a_request_without_the_token_or_headers_and_creates_no_job(
        string? token, string? apiKey, string? org, string? sandboxName, HttpStatusCode expected)
    {
        using var http = new HttpClient(QueryServiceRestHandlers.Create(_sandbox.RootCertificatePath, TimeSpan.FromSeconds(30)));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_sandbox.RestBaseAddress, "queries"))
        {
            Content = new StringContent(
                $$"""{"dbName": "{{_sandbox.Database}}", "sql": "SELECT 1"}""", MediaTypeHeaderValue.Parse("application/json")),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token == "token" ? _sandbox.Password : token);
        }

        Add(request, "x-api-key", apiKey is null ? null : _sandbox.ClientId);
        Add(request, "x-gw-ims-org-id", org is null ? null : _sandbox.Username);
        Add(request, "x-sandbox-name", sandboxName == "sandbox" ? _sandbox.SandboxName : sandboxName);
        var since = DateTimeOffset.UtcNow;

        using var response = await http.SendAsync(request);

        var logged = _sandbox.ReadRestLog().Where(e => e.Time >= since && e.Method == "POST").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(expected));
            Assert.That(logged.Select(e => e.Outcome), Is.EqualTo(new[] { "refused" }));
        });
    }

    [Test]
    public async Task A_job_is_not_capped_at_the_interactive_row_limit()
    {
        using var rest = SandboxRestClient.Create(_sandbox);

        var job = await (await rest.Client.SubmitJobAsync(new QueryServiceQueryRequest { Sql = $"SELECT id FROM {Rows}" })).WaitAsync();

        Assert.That(job.RowCount, Is.EqualTo(60001), "a SELECT without LIMIT is capped at 50,000 rows on the wire only");
    }

    [Test]
    public async Task A_failed_job_reports_the_error_the_wire_would_have_sent()
    {
        using var rest = SandboxRestClient.Create(_sandbox);
        var job = await rest.Client.SubmitJobAsync(
            new QueryServiceQueryRequest { Sql = "CREATE TABLE rest_failed AS SELECT id FROM rest_no_such_table" });

        var error = Assert.ThrowsAsync<QueryServiceJobFailedException>(() => job.WaitAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(error.State, Is.EqualTo(QueryServiceJobState.Failed));
            Assert.That(error.Errors.Select(e => e.Code), Is.EqualTo(new[] { "42P01" }));
            Assert.That(error.Message, Does.Contain("rest_no_such_table"));
        });
    }

    [Test]
    public async Task The_list_pages_newest_first_through_its_next_links()
    {
        using var rest = SandboxRestClient.Create(_sandbox);
        var submitted = new List<QueryServiceQuery>();
        for (var i = 0; i < 3; i++)
        {
            submitted.Add(await rest.Client.SubmitQueryAsync(new QueryServiceQueryRequest { Sql = "SELECT 1 AS one", Name = "page " + i }));
        }

        // The API's creation times are distinct: from the first one on, the list holds these three only.
        var since = submitted[0].Created!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        var first = await rest.Client.ListQueriesAsync(new QueryServiceQueryListOptions { Limit = 2, Properties = [$"created>={since}"] });
        var all = await rest.Client.ListAllQueriesAsync(
                new QueryServiceQueryListOptions { Limit = 2, Properties = [$"created>={since}"] })
            .ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first.Queries, Has.Count.EqualTo(2));
            Assert.That(first.NextStart, Is.Not.Null);
            Assert.That(
                all.Select(q => q.Id).ToList(),
                Is.EqualTo(Enumerable.Reverse(submitted).Select(q => q.Id).ToList()),
                "newest first, each once");
        });
    }

    private static void Add(HttpRequestMessage request, string name, string? value)
    {
        if (value is not null)
        {
            request.Headers.Add(name, value);
        }
    }
}

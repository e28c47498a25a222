using System.Net;
using QueryServiceOrm.Rest;

namespace QueryServiceOrm.Tests.Rest;

/// <summary>
/// Query templates through the library's REST client against the sandbox: saved, read, paged through, overwritten and
/// deleted, and run as jobs whose <c>$name</c> placeholders take the template's defaults or the run's values.
/// </summary>
[NonParallelizable]
public sealed class QueryServiceRestClientTemplatesTests
{
    private const string Rows = "tpl_rows";
    private const string Target = "tpl_run";
    private QueryServiceSandbox _sandbox = null!;

    // Even ids are labelled with a quote in them: a value that would end a string if it were pasted into the SQL.
    [OneTimeSetUp]
    public async Task CreateRowsAsync()
    {
        _sandbox = await SharedSandbox.GetAsync();
        await _sandbox.ExecuteAdminAsync($"""
            DROP TABLE IF EXISTS {Rows};
            CREATE TABLE {Rows} AS SELECT g::bigint AS id, CASE WHEN g % 2 = 0 THEN 'it''s' ELSE 'other' END AS label
            FROM generate_series(1, 100) g;
            """);
    }

    [SetUp]
    public Task DropTargetAsync() => _sandbox.ExecuteAdminAsync($"DROP TABLE IF EXISTS {Target}");

    [Test]
    public async Task A_template_is_created_read_paged_through_overwritten_and_deleted()
    {
        using var rest = SandboxRestClient.Create(_sandbox);
        var name = "paging " + Guid.NewGuid();
        var created = new List<QueryServiceTemplate>();
        for (var i = 0; i < 3; i++)
        {
            var defaults = new Dictionary<string, string> { ["day"] = "1" };
            created.Add(await rest.Client.CreateTemplateAsync(name, $"SELECT {i} AS n, $day AS day", defaults));
        }

        var read = await rest.Client.GetTemplateAsync(created[0].Id);
        var options = new QueryServiceTemplateListOptions { Limit = 2, Properties = [$"name=={name}"] };
        var first = await rest.Client.ListTemplatesAsync(options);
        var second = await rest.Client.ListTemplatesAsync(options with { Start = first.NextStart });
        var updated = await rest.Client.UpdateTemplateAsync(created[0].Id, "renamed", "SELECT $n AS n");
        var reread = await rest.Client.GetTemplateAsync(created[0].Id);
        await rest.Client.DeleteTemplateAsync(created[0].Id);
        var gone = Assert.ThrowsAsync<QueryServiceRestException>(() => rest.Client.GetTemplateAsync(created[0].Id))!;

        Assert.Multiple(() =>
        {
            Assert.That((read.Name, read.Sql, read.UserId), Is.EqualTo((name, "SELECT 0 AS n, $day AS day", _sandbox.Username)));
            Assert.That(first.Templates.Select(t => t.Id), Is.EqualTo(new[] { created[2].Id, created[1].Id }), "newest first");
            Assert.That(second.Templates.Select(t => t.Id), Is.EqualTo(new[] { created[0].Id }));
            Assert.That(second.NextStart, Is.Null, "the last page has no next link");
            Assert.That((updated.Name, updated.Sql, updated.LastUpdatedBy), Is.EqualTo(("renamed", "SELECT $n AS n", _sandbox.Username)));
            Assert.That((reread.Name, reread.Sql, reread.Created), Is.EqualTo(("renamed", "SELECT $n AS n", read.Created)));
            Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task A_template_runs_as_a_job_with_its_defaults_overridden_and_a_quote_in_a_value_stays_data()
    {
        using var rest = SandboxRestClient.Create(_sandbox);
        var template = await rest.Client.CreateTemplateAsync(
            "labelled rows", $"SELECT id FROM {Rows} WHERE id <= $max AND label = '$label'",
            new Dictionary<string, string> { ["max"] = "10", ["label"] = "other" });

        var job = await (await rest.Client.SubmitJobAsync(new QueryServiceQueryRequest
        {
            TemplateId = template.Id,
            QueryParameters = new Dictionary<string, string> { ["label"] = "it's" },
            CtasParameters = new QueryServiceCtasParameters(Target),
        })).WaitAsync();

        var counted = await _sandbox.PsqlAsync($"SELECT count(*), max(id) FROM {Target}");
        Assert.Multiple(() =>
        {
            Assert.That(job.RowCount, Is.EqualTo(5), "ids 2, 4, ... 10: the default max, the run's label");
            Assert.That(counted[0], Is.EqualTo(new[] { "5", "10" }));
            Assert.That(job.Query.Request?.Sql, Is.EqualTo(template.Sql), "the query echoes the template's SQL");
        });
    }

    [Test]
    public async Task A_run_without_a_value_for_a_placeholder_is_refused_and_creates_no_job()
    {
        using var rest = SandboxRestClient.Create(_sandbox);
        var template = await rest.Client.CreateTemplateAsync("no defaults", $"SELECT id FROM {Rows} WHERE id <= $max");
        var since = DateTimeOffset.UtcNow;

        var refused = Assert.ThrowsAsync<QueryServiceRestException>(() => rest.Client.SubmitQueryAsync(new QueryServiceQueryRequest
        {
            TemplateId = template.Id,
            QueryParameters = new Dictionary<string, string> { ["min"] = "1" },
            CtasParameters = new QueryServiceCtasParameters(Target),
        }))!;

        var logged = _sandbox.ReadRestLog().Where(e => e.Time >= since && e.Method == "POST").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(refused.ServerMessage, Does.Contain("no value for $max").And.Contain("queryParameters"));
            Assert.That(logged.Select(e => (e.Status, e.JobId)), Is.EqualTo(new[] { (400, (string?)null) }));
        });
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using QueryServiceOrm.Rest;
using QueryServiceOrm.Tests.Rest;

namespace QueryServiceOrm.Tests.Sandbox.Rest.Schedules;

/// <summary>
/// The <c>/schedules</c> bodies as Adobe's reference shows them, read as raw JSON: a schedule's fields and links, the
/// JSON Patch that disables it, a run's list and detail, and the messages of 202 answers.
/// </summary>
[NonParallelizable]
public sealed class ScheduleEndpointsTests
{
    private static readonly string[] ScheduleFields =
        ["state", "query", "userId", "updatedUserId", "version", "id", "schedule", "created", "updated"];
    private static readonly string[] ScheduleLinks = ["enable", "runs", "self", "delete", "disable", "trigger"];
    private QueryServiceSandbox _sandbox = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _sandbox = await SharedSandbox.GetAsync();
        _http = new HttpClient(QueryServiceRestHandlers.Create(_sandbox.RootCertificatePath, TimeSpan.FromSeconds(30)));
    }

    [OneTimeTearDown]
    public void Stop() => _http.Dispose();

    [Test]
    public async Task A_schedule_and_its_runs_have_the_documented_fields_links_and_messages()
    {
        var (created, schedule) = await SendAsync(HttpMethod.Post, "schedules", $$"""
            {"query": {"dbName": "{{_sandbox.Database}}", "sql": "SELECT 1 AS one", "name": "shapes"},
             "schedule": {"schedule": "@daily", "startDate": "2026-01-08T12:30:00.000Z"} }
            """);
        var id = schedule.GetProperty("id").GetString()!;
        var (triggered, triggerMessage) = await SendAsync(HttpMethod.Post, $"schedules/{id}/runs");
        using var rest = SandboxRestClient.Create(_sandbox);
        await QueryServiceRestClientScheduleTests.EndedRunsAsync(rest.Client, id, 1);
        var (_, runs) = await SendAsync(HttpMethod.Get, $"schedules/{id}/runs?limit=1");
        var listedRun = runs.GetProperty("runsSchedules")[0];
        var (_, run) = await SendAsync(HttpMethod.Get, $"schedules/{id}/runs/{listedRun.GetProperty("id").GetString()}");
        var (patched, patchMessage) = await SendAsync(
            HttpMethod.Patch, $"schedules/{id}", """{"body": [{"op": "replace", "path": "/state", "value": "disable"}]}""");
        var (deleted, deleteMessage) = await SendAsync(HttpMethod.Delete, $"schedules/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(created, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(Names(schedule), Is.SupersetOf(ScheduleFields));
            Assert.That(long.TryParse(schedule.GetProperty("created").GetString(), out _), Is.True, "epoch milliseconds, as text");
            Assert.That(schedule.GetProperty("schedule").GetProperty("maxActiveRuns").GetInt32(), Is.EqualTo(1));
            Assert.That(schedule.GetProperty("schedule").GetProperty("startDate").GetString(), Is.EqualTo("2026-01-08T12:30:00.000Z"));
            Assert.That(Names(schedule.GetProperty("_links")), Is.EquivalentTo(ScheduleLinks));
            Assert.That(schedule.GetProperty("_links").GetProperty("trigger").GetProperty("method").GetString(), Is.EqualTo("POST"));
            Assert.That(triggered, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(triggerMessage.GetProperty("statusCode").GetInt32(), Is.EqualTo(202));
            Assert.That(Names(listedRun), Is.EquivalentTo(new[] { "state", "version", "id", "externalTrigger", "created", "_links" }));
            Assert.That(listedRun.GetProperty("externalTrigger").GetString(), Is.EqualTo("true"), "a flag as text, as Adobe's");
            Assert.That(runs.GetProperty("_page").GetProperty("count").GetInt32(), Is.EqualTo(1));
            Assert.That(run.GetProperty("scheduleId").GetString(), Is.EqualTo(id));
            Assert.That(run.GetProperty("taskStatusList")[0].GetProperty("message").GetString(), Is.EqualTo("Processed Successfully"));
            Assert.That(patched, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(patchMessage.GetProperty("message").GetString(), Is.EqualTo("Request to patch accepted"));
            Assert.That(deleted, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(deleteMessage.GetProperty("message").GetString(), Is.EqualTo("Schedule deleted successfully"));
        });
    }

    private static IEnumerable<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name);

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(_sandbox.RestBaseAddress, path))
        {
            Content = json is null ? null : new StringContent(json, MediaTypeHeaderValue.Parse("application/json")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _sandbox.Password);
        request.Headers.Add("x-api-key", _sandbox.ClientId);
        request.Headers.Add("x-gw-ims-org-id", _sandbox.Username);
        request.Headers.Add("x-sandbox-name", _sandbox.SandboxName);
        using var response = await _http.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.Clone());
    }
}

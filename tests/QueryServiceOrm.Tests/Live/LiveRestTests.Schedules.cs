using QueryServiceOrm.Rest;

namespace QueryServiceOrm.Tests.Live;

// Scheduled queries on a real sandbox: one created on a yearly cron, found in the list, disabled and deleted. The states
// the service reports go to the test output, which settles what the emulator answers.
public sealed partial class LiveRestTests
{
    [Test]
    public async Task A_schedule_is_created_listed_disabled_and_deleted()
    {
        var request = new QueryServiceScheduleRequest(
            new QueryServiceQueryRequest { Sql = "SELECT 1 AS one", Name = "qsorm live schedule test" },
            new QueryServiceCronSchedule("0 0 1 1 *"));
        var created = await _client.CreateScheduleAsync(request);
        var registered = await RegisteredAsync(created.Id);
        await TestContext.Out.WriteLineAsync($"schedule states seen: {created.State} -> {registered.State}");

        var listed = await _client.ListSchedulesAsync(new QueryServiceScheduleListOptions { OrderBy = "-created", Limit = 50 });
        await _client.DisableScheduleAsync(created.Id);
        await _client.DeleteScheduleAsync(created.Id);
        var after = await _client.ListSchedulesAsync(new QueryServiceScheduleListOptions { OrderBy = "-created", Limit = 50 });

        Assert.Multiple(() =>
        {
            Assert.That(registered.Schedule?.Cron, Is.EqualTo("0 0 1 1 *"));
            Assert.That(listed.Schedules.Select(s => s.Id), Does.Contain(created.Id), "the newest schedules hold it");
            Assert.That(after.Schedules.Select(s => s.Id), Does.Not.Contain(created.Id), "deleted");
        });
    }

    // The service answers a creation REGISTERING; a schedule is disabled only once registered.
    private async Task<QueryServiceSchedule> RegisteredAsync(string id)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var schedule = await _client.GetScheduleAsync(id);
            if (schedule.State != "REGISTERING")
            {
                return schedule;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        throw new AssertionException($"Schedule {id} was still REGISTERING after a minute.");
    }
}

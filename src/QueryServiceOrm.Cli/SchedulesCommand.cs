using QueryServiceOrm.Rest;

namespace QueryServiceOrm.Cli;

/// <summary>
/// <c>qsorm schedules create|list|enable|disable|delete|trigger|runs</c>: scheduled queries through the Query Service REST
/// API, with the credentials and error handling of <c>qsorm jobs</c>.
/// </summary>
internal static class SchedulesCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
        => new("schedules", "Scheduled queries through the REST API: create, list, enable, disable, delete, trigger a run, list runs.")
        {
            CreateSchedule(output, errors), List(output, errors),
            Simple("enable", "Enable a scheduled query: it runs on its schedule again.", output, errors,
                (client, id, ct) => client.EnableScheduleAsync(id, ct), "Enabled"),
            Simple("disable", "Disable a scheduled query: it runs no more until enabled.", output, errors,
                (client, id, ct) => client.DisableScheduleAsync(id, ct), "Disabled"),
            Simple("delete", "Delete a scheduled query; the service deletes only a disabled one.", output, errors,
                (client, id, ct) => client.DeleteScheduleAsync(id, ct), "Deleted"),
            Simple("trigger", "Run a scheduled query now; its run shows in 'qsorm schedules runs'.", output, errors,
                (client, id, ct) => client.TriggerScheduleRunAsync(id, ct), "Triggered a run of"),
            Runs(output, errors),
        };

    private static Command CreateSchedule(TextWriter output, TextWriter errors)
    {
        var sql = new Argument<string>("sql")
        {
            Description = "The statement each run submits, in the service's SQL (e.g. INSERT INTO ... SELECT).",
        };
        var cron = new Option<string>("--cron")
        {
            Description = "When it runs: a five-field cron expression, e.g. \"30 * * * *\", or @once, @hourly, @daily, @weekly, "
                + "@monthly, @yearly.",
            Required = true,
        };
        var name = new Option<string?>("--name") { Description = "A name for the scheduled query, shown in Adobe's UI." };
        var command = new Command("create", "Create a scheduled query and print its id.")
        {
            sql, cron, name, CliCredentials.ProfileOption(),
        };
        command.SetAction((parse, cancellationToken) => JobsCommand.RunAsync(parse, errors, async client =>
        {
            var query = new QueryServiceQueryRequest { Sql = parse.GetValue(sql), Name = parse.GetValue(name) };
            var schedule = await client.CreateScheduleAsync(
                new QueryServiceScheduleRequest(query, new QueryServiceCronSchedule(parse.GetValue(cron)!)), cancellationToken);
            await output.WriteLineAsync(schedule.Id);
        }));
        return command;
    }

    private static Command List(TextWriter output, TextWriter errors)
    {
        var limit = LimitOption("How many scheduled queries, newest first.");
        var command = new Command("list", "List the latest scheduled queries: id, state, cron, created, name.")
        {
            limit, CliCredentials.ProfileOption(),
        };
        command.SetAction((parse, cancellationToken) => JobsCommand.RunAsync(parse, errors, async client =>
        {
            var page = await client.ListSchedulesAsync(Newest(parse.GetValue(limit)), cancellationToken);
            foreach (var schedule in page.Schedules)
            {
                await output.WriteLineAsync(
                    string.Join('\t', schedule.Id, schedule.State, schedule.Schedule?.Cron, Time(schedule.Created), schedule.Query?.Name));
            }
        }));
        return command;
    }

    private static Command Runs(TextWriter output, TextWriter errors)
    {
        var id = IdArgument();
        var limit = LimitOption("How many runs, newest first.");
        var command = new Command("runs", "List a scheduled query's latest runs: id, state, trigger, created.")
        {
            id, limit, CliCredentials.ProfileOption(),
        };
        command.SetAction((parse, cancellationToken) => JobsCommand.RunAsync(parse, errors, async client =>
        {
            var page = await client.ListScheduleRunsAsync(parse.GetValue(id)!, Newest(parse.GetValue(limit)), cancellationToken);
            foreach (var run in page.Runs)
            {
                var trigger = run.ExternalTrigger ? "manual" : "scheduled";
                await output.WriteLineAsync(string.Join('\t', run.Id, run.State, trigger, Time(run.Created)));
            }
        }));
        return command;
    }

    // A command that takes a schedule's id, makes one call and says what it did.
    private static Command Simple(
        string name,
        string description,
        TextWriter output,
        TextWriter errors,
        Func<QueryServiceRestClient, string, CancellationToken, Task> call,
        string done)
    {
        var id = IdArgument();
        var command = new Command(name, description) { id, CliCredentials.ProfileOption() };
        command.SetAction((parse, cancellationToken) => JobsCommand.RunAsync(parse, errors, async client =>
        {
            await call(client, parse.GetValue(id)!, cancellationToken);
            await output.WriteLineAsync($"{done} scheduled query {parse.GetValue(id)}.");
        }));
        return command;
    }

    private static Argument<string> IdArgument() => new("id") { Description = "The scheduled query's id, as create and list print it." };

    private static Option<int> LimitOption(string description)
        => new("--limit") { Description = description, DefaultValueFactory = _ => 20 };

    private static QueryServiceScheduleListOptions Newest(int limit)
        => new() { OrderBy = "-created", Limit = Math.Clamp(limit, 1, 1000) };

    private static string Time(DateTimeOffset? time) => time?.ToString("u", CultureInfo.InvariantCulture) ?? "";
}

using QueryServiceOrm.Rest;

namespace QueryServiceOrm.Cli;

/// <summary>
/// <c>qsorm templates create|list|run|delete</c>: saved queries of the Query Service REST API, whose <c>$name</c>
/// placeholders take values (<c>--param name=value</c>) when they are saved (defaults) and when they run as a job.
/// </summary>
internal static class TemplatesCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
        => new("templates", "Query templates through the REST API: SQL with $name placeholders, saved once and run as jobs.")
        {
            CreateTemplate(output, errors), List(output, errors), Run(output, errors), Delete(output, errors),
        };

    private static Command CreateTemplate(TextWriter output, TextWriter errors)
    {
        var name = new Argument<string>("name") { Description = "The template's name." };
        var sql = new Argument<string>("sql") { Description = "Its SQL, in the service's dialect; $name is a placeholder." };
        var parameters = ParameterOption("Default value of a placeholder, as name=value; repeat for each.");
        var command = new Command("create", "Save a template and print its id.") { name, sql, parameters, CliCredentials.ProfileOption() };
        command.SetAction((parse, cancellationToken) => JobsCommand.RunAsync(parse, errors, async client =>
        {
            var defaults = Values(parse.GetValue(parameters));
            var template = await client.CreateTemplateAsync(parse.GetValue(name)!, parse.GetValue(sql)!, defaults, cancellationToken);
            await output.WriteLineAsync(template.Id);
        }));
        return command;
    }

    private static Command List(TextWriter output, TextWriter errors)
    {
        var limit = new Option<int>("--limit") { Description = "How many templates, newest first.", DefaultValueFactory = _ => 20 };
        var name = new Option<string?>("--name") { Description = "Only templates of this name." };
        var command = new Command("list", "List the latest templates: id, name, updated, SQL.")
        {
            limit, name, CliCredentials.ProfileOption(),
        };
        command.SetAction((parse, cancellationToken) => JobsCommand.RunAsync(parse, errors, async client =>
        {
            var options = new QueryServiceTemplateListOptions
            {
                OrderBy = "-created",
                Limit = Math.Clamp(parse.GetValue(limit), 1, 1000),
                Properties = parse.GetValue(name) is { } n ? [$"name=={n}"] : [],
            };
            foreach (var template in (await client.ListTemplatesAsync(options, cancellationToken)).Templates)
            {
                await output.WriteLineAsync(string.Join('\t', template.Id, template.Name,
                    template.Updated?.ToString("u", CultureInfo.InvariantCulture) ?? "", template.Sql?.ReplaceLineEndings(" ")));
            }
        }));
        return command;
    }

    private static Command Run(TextWriter output, TextWriter errors)
    {
        var id = IdArgument();
        var parameters = ParameterOption("A placeholder's value for this run, as name=value (overrides a default); repeat for each.");
        var wait = new Option<bool>("--wait") { Description = "Wait for the job to end, printing each state; Ctrl+C then cancels it." };
        var command = new Command("run", "Run a template as a batch query and print the job's id.")
        {
            id, parameters, wait, CliCredentials.ProfileOption(),
        };
        command.SetAction((parse, cancellationToken) => JobsCommand.RunAsync(parse, errors, async client =>
        {
            var request = new QueryServiceQueryRequest
            {
                TemplateId = parse.GetValue(id),
                QueryParameters = Values(parse.GetValue(parameters)),
            };
            var job = await client.SubmitJobAsync(request, cancellationToken);
            await output.WriteLineAsync(job.Id);
            if (parse.GetValue(wait))
            {
                await JobsCommand.WaitAsync(job, output, errors, cancellationToken);
            }
        }));
        return command;
    }

    private static Command Delete(TextWriter output, TextWriter errors)
    {
        var id = IdArgument();
        var command = new Command("delete", "Delete a template.") { id, CliCredentials.ProfileOption() };
        command.SetAction((parse, cancellationToken) => JobsCommand.RunAsync(parse, errors, async client =>
        {
            await client.DeleteTemplateAsync(parse.GetValue(id)!, cancellationToken);
            await output.WriteLineAsync($"Deleted template {parse.GetValue(id)}.");
        }));
        return command;
    }

    private static Argument<string> IdArgument() => new("id") { Description = "The template's id, as create and list print it." };

    private static Option<string[]> ParameterOption(string description)
    {
        var option = new Option<string[]>("--param") { Description = description };
        option.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (value.IndexOf('=', StringComparison.Ordinal) < 1)
                {
                    result.AddError($"--param '{value}' needs the form name=value, e.g. --param day=2026-01-31.");
                }
            }
        });
        return option;
    }

    // A name given twice takes its last value, as a later --param overrides an earlier one.
    private static Dictionary<string, string>? Values(string[]? parameters)
    {
        if (parameters is not { Length: > 0 })
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            var at = parameter.IndexOf('=', StringComparison.Ordinal);
            values[parameter[..at]] = parameter[(at + 1)..];
        }

        return values;
    }
}

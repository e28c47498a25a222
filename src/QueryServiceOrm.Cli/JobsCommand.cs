using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Rest;

namespace QueryServiceOrm.Cli;

/// <summary>
/// <c>qsorm jobs submit|list|status|cancel|wait</c>: batch queries through the Query Service REST API, with the OAuth
/// credentials the wire uses. Waiting prints each state as it changes; Ctrl+C while waiting cancels the job on the server,
/// as the library's wait does.
/// </summary>
internal static class JobsCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
        => new("jobs", "Batch queries (jobs) through the REST API: no 10 minute timeout, no row cap; they write datasets.")
        {
            Submit(output, errors), List(output, errors), Status(output, errors), Cancel(output, errors), Wait(output, errors),
        };

    private static Command Submit(TextWriter output, TextWriter errors)
    {
        var sql = new Argument<string?>("sql")
        {
            Description = "The statement, in the service's SQL (a CTAS or INSERT INTO ... SELECT, "
                + "or a SELECT with --ctas or --insert-into); or give --sql or --file.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var sqlOption = new Option<string?>("--sql") { Description = "The statement, as the argument gives it." };
        var file = new Option<FileInfo?>("--file") { Description = "A file holding the statement." };
        var ctas = new Option<string?>("--ctas") { Description = "Make the SELECT a CTAS into this new dataset (ctasParameters)." };
        var insertInto = new Option<string?>("--insert-into")
        {
            Description = "Make the SELECT an INSERT INTO this dataset (insertIntoParameters).",
        };
        var name = new Option<string?>("--name") { Description = "A name for the query, shown in Adobe's UI." };
        var wait = new Option<bool>("--wait")
        {
            Description = "Wait for the job to end, printing each state; Ctrl+C then cancels the job.",
        };
        var command = new Command("submit", "Submit a statement as a batch query and print its id.")
        {
            sql, sqlOption, file, ctas, insertInto, name, wait, CliCredentials.ProfileOption(),
        };
        command.Validators.Add(result =>
        {
            var given = new object?[] { result.GetValue(sql), result.GetValue(sqlOption), result.GetValue(file) }.Count(v => v is not null);
            if (given != 1)
            {
                result.AddError("Give the statement once: as the argument, with --sql or with --file.");
            }

            if (result.GetValue(file) is { Exists: false } missing)
            {
                result.AddError($"No file at {missing.FullName}: give the file holding the statement.");
            }

            if (result.GetValue(ctas) is not null && result.GetValue(insertInto) is not null)
            {
                result.AddError("Give --ctas or --insert-into, not both.");
            }
        });
        command.SetAction((parse, cancellationToken) => RunAsync(parse, errors, async client =>
        {
            var request = new QueryServiceQueryRequest
            {
                Sql = parse.GetValue(sql) ?? parse.GetValue(sqlOption)
                    ?? await File.ReadAllTextAsync(parse.GetValue(file)!.FullName, cancellationToken),
                Name = parse.GetValue(name),
                CtasParameters = parse.GetValue(ctas) is { } table ? new QueryServiceCtasParameters(table) : null,
                InsertIntoParameters = parse.GetValue(insertInto) is { } target ? new QueryServiceInsertIntoParameters(target) : null,
            };
            var job = await client.SubmitJobAsync(request, cancellationToken);
            await output.WriteLineAsync(job.Id);
            if (parse.GetValue(wait))
            {
                await WaitAsync(job, output, errors, cancellationToken);
            }
        }));
        return command;
    }

    private static Command List(TextWriter output, TextWriter errors)
    {
        var limit = new Option<int>("--limit") { Description = "How many queries, newest first.", DefaultValueFactory = _ => 20 };
        var state = new Option<string?>("--state") { Description = "Only queries in this state, e.g. FAILED or IN_PROGRESS." };
        var command = new Command("list", "List the latest queries: id, state, rows, created, name.")
        {
            limit, state, CliCredentials.ProfileOption(),
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, errors, async client =>
        {
            var options = new QueryServiceQueryListOptions
            {
                OrderBy = "-created",
                Limit = Math.Clamp(parse.GetValue(limit), 1, 1000),
                Properties = parse.GetValue(state) is { } s ? [$"state=={s.ToUpperInvariant()}"] : [],
            };
            await foreach (var query in client.ListAllQueriesAsync(options, cancellationToken)
                .Take(options.Limit.Value)
                .WithCancellation(cancellationToken))
            {
                await output.WriteLineAsync(Line(query));
            }
        }));
        return command;
    }

    private static Command Status(TextWriter output, TextWriter errors)
    {
        var id = IdArgument();
        var command = new Command("status", "Print a query's state, rows and errors.") { id, CliCredentials.ProfileOption() };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, errors, async client =>
        {
            var query = await client.GetQueryAsync(parse.GetValue(id)!, cancellationToken);
            await output.WriteLineAsync(Line(query));
            foreach (var error in query.Errors)
            {
                await output.WriteLineAsync("  " + error);
            }
        }));
        return command;
    }

    private static Command Cancel(TextWriter output, TextWriter errors)
    {
        var id = IdArgument();
        var command = new Command("cancel", "Cancel a query on the server; it ends KILLED shortly after.")
        {
            id, CliCredentials.ProfileOption(),
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, errors, async client =>
        {
            await client.CancelQueryAsync(parse.GetValue(id)!, cancellationToken);
            await output.WriteLineAsync($"Cancel requested for {parse.GetValue(id)}.");
        }));
        return command;
    }

    private static Command Wait(TextWriter output, TextWriter errors)
    {
        var id = IdArgument();
        var command = new Command("wait", "Wait for a query to end, printing each state; Ctrl+C cancels the query.")
        {
            id, CliCredentials.ProfileOption(),
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, errors, async client =>
            await WaitAsync(await client.GetJobAsync(parse.GetValue(id)!, cancellationToken), output, errors, cancellationToken)));
        return command;
    }

    private static Argument<string> IdArgument() => new("id") { Description = "The query's id, as submit and list print it." };

    // States go to standard error as they change; the outcome to standard output.
    internal static async Task WaitAsync(QueryServiceJob job, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var states = new StateChanges(errors);
        await job.WaitAsync(states, cancellationToken);
        await output.WriteLineAsync($"{job.State}: {Counted.Of(job.RowCount, "row")} written.");
    }

    private static string Line(QueryServiceQuery query)
        => string.Join('\t', query.Id, query.State, query.RowCount.ToString(CultureInfo.InvariantCulture),
            query.Created?.ToString("u", CultureInfo.InvariantCulture) ?? "", query.Request?.Name ?? "");

    // The REST client for the command's credentials; failures of the API or of a job become the message and exit code.
    private static QueryServiceRestClient RestClient(IServiceProvider provider)
    {
        try
        {
            return provider.GetRequiredService<QueryServiceRestClient>();
        }
        catch (QueryServiceConfigurationException e) when (e.Field == QueryServiceCredentialKeys.ClientId)
        {
            // The sandbox profile is a password profile; the REST API takes OAuth, which the sandbox also offers.
            throw new QueryServiceConfigurationException(
                e.Field, e.Problem + " For a local sandbox: eval \"$(qsorm sandbox env --oauth)\".");
        }
    }

    internal static async Task<int> RunAsync(ParseResult parse, TextWriter errors, Func<QueryServiceRestClient, Task> action)
    {
        var credentials = CliCredentials.Load(Environment.CurrentDirectory, parse.GetValue<string?>("--profile"));
        var services = new ServiceCollection();
        services.AddQueryServiceRestClient(credentials);
        await using var provider = services.BuildServiceProvider();
        try
        {
            await action(RestClient(provider));
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is QueryServiceJobException or QueryServiceRestException or QueryServiceTokenException)
        {
            await errors.WriteLineAsync("error: " + e.Message);
            return ExitCodes.ServerError;
        }
        catch (HttpRequestException e)
        {
            await errors.WriteLineAsync(
                $"error: the REST API could not be reached ({e.Message}). Check ApiBaseAddress, and that the sandbox is running.");
            return ExitCodes.ServerError;
        }
        finally
        {
            credentials.AccessTokenProvider?.Dispose();
        }
    }

    /// <summary>Writes a job's state each time it changes.</summary>
    private sealed class StateChanges(TextWriter errors) : IProgress<QueryServiceJobProgress>
    {
        private QueryServiceJobState? _last;

        public void Report(QueryServiceJobProgress value)
        {
            if (_last != value.State)
            {
                _last = value.State;
                errors.WriteLine($"{value.State} after {value.Waited.TotalSeconds:0.0} s");
            }
        }
    }
}

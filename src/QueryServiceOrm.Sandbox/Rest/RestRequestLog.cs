using System.Text.Json;

namespace QueryServiceOrm.Sandbox.Rest;

/// <summary>
/// Every request the REST host received, one JSON object a line in the instance folder, with the status it was answered
/// with: what the tests read to count submissions and retries (a process attached to the sandbox reads the same file).
/// </summary>
internal sealed class RestRequestLog : IDisposable
{
    private readonly object _gate = new();
    private readonly StreamWriter _writer;

    public RestRequestLog(string path)
    {
        var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.ReadWrite | FileShare.Delete,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        _writer = new StreamWriter(stream) { AutoFlush = true };
    }

    public static string FileIn(string instance) => Path.Combine(instance, "rest.jsonl");

    public void Record(RestLogEntry entry)
    {
        var line = JsonSerializer.Serialize(entry);
        lock (_gate)
        {
            _writer.WriteLine(line);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer.Dispose();
        }
    }
}

/// <summary>One request the sandbox's REST API received.</summary>
/// <param name="Time">When it arrived.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path and query string.</param>
/// <param name="Status">The status it was answered with.</param>
/// <param name="Outcome">
/// <c>fault</c> (an injected gateway fault answered it), <c>refused</c> (authentication or headers), <c>created</c> (a job was
/// submitted), or <c>served</c>.
/// </param>
/// <param name="JobId">The job a submission created, if any.</param>
public sealed record RestLogEntry(DateTimeOffset Time, string Method, string Path, int Status, string Outcome, string? JobId);

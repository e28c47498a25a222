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

using System.Text.Json;

namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>
/// Every SQL text a client sent to the front, one JSON object a line, with what the front did with it: what the tests read
/// to know what the service would have received, and which statements never reached the backend.
/// </summary>
internal sealed class FrontJournal : IDisposable
{
    private readonly object _gate = new();
    private readonly StreamWriter _writer;

    public FrontJournal(string path)
    {
        Path = path;
        var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.ReadWrite | FileShare.Delete,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        _writer = new StreamWriter(stream) { AutoFlush = true };
    }

    public string Path { get; }

    /// <summary>Records one text.</summary>
    /// <param name="session">The session's number.</param>
    /// <param name="application">The client's application name.</param>
    /// <param name="protocol"><c>simple</c> or <c>extended</c>.</param>
    /// <param name="sql">The text as received.</param>
    /// <param name="outcome"><c>backend</c>, <c>local</c> or <c>refused</c>.</param>
    /// <param name="sqlState">The SQLSTATE of a refusal.</param>
    public void Record(int session, string application, string protocol, string sql, string outcome, string? sqlState = null)
    {
        var line = JsonSerializer.Serialize(
            new JournalEntry(DateTimeOffset.UtcNow, session, application, protocol, sql, outcome, sqlState));
        lock (_gate)
        {
            _writer.WriteLine(line);
        }
    }

    /// <summary>
    /// Records an admitted session (outcome <c>session</c>), so clients' connections can be counted as the service would see them.
    /// </summary>
    public void RecordSession(int session, string application)
        => Record(session, application, "startup", "", "session");

    /// <summary>Records a defect of the front that ended a session (outcome <c>fault</c>, the exception as text).</summary>
    public void RecordFault(int session, string application, Exception exception)
        => Record(session, application, "none", exception.ToString(), "fault");

    public void Dispose()
    {
        lock (_gate)
        {
            _writer.Dispose();
        }
    }
}

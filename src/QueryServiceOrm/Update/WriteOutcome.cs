namespace QueryServiceOrm.Update;

/// <summary>
/// The row count of a write that runs through EF's query pipeline (INSERT INTO ... SELECT, CTAS): EF hands back rows,
/// not counts, so the library's relational command leaves the count here for the operator that started the write.
/// </summary>
internal sealed class WriteOutcome
{
    private static readonly AsyncLocal<WriteOutcome?> Ambient = new();

    /// <summary>The outcome the current asynchronous flow waits for, if any.</summary>
    public static WriteOutcome? Current => Ambient.Value;

    /// <summary>Rows written, or -1 when the server reports none.</summary>
    public int RecordsAffected { get; private set; } = -1;

    /// <summary>Whether the library's relational command saw the write (it does not on a context without UseQueryService).</summary>
    public bool Seen { get; private set; }

    /// <summary>Records the count the reader of the write reported.</summary>
    public void Record(int recordsAffected)
    {
        RecordsAffected = recordsAffected;
        Seen = true;
    }

    /// <summary>Starts waiting for an outcome in this flow; dispose the scope when the write is done.</summary>
    public static Scope Begin()
    {
        var outcome = new WriteOutcome();
        var previous = Ambient.Value;
        Ambient.Value = outcome;
        return new Scope(outcome, previous);
    }

    /// <summary>The outcome of one write, restoring the previous one when disposed.</summary>
    public readonly struct Scope(WriteOutcome outcome, WriteOutcome? previous) : IDisposable
    {
        /// <summary>The outcome.</summary>
        public WriteOutcome Outcome => outcome;

        /// <inheritdoc />
        public void Dispose() => Ambient.Value = previous;
    }
}

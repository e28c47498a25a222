namespace QueryServiceOrm.Sandbox.Rules;

/// <summary>
/// A failure of the service injected into the sandbox's front (<see cref="QueryServiceSandbox.Fail"/>): each statement text
/// the front receives that contains <see cref="StatementContains"/> is counted, and the first <see cref="Times"/> of them are
/// answered with an error carrying <see cref="SqlState"/> and <see cref="Message"/> instead of running. Disposing it removes it.
/// </summary>
public sealed class SandboxFault : IDisposable
{
    private readonly SandboxFaults _owner;
    private readonly FaultCounter _counter;

    internal SandboxFault(SandboxFaults owner, string statementContains, string sqlState, string message, int times)
    {
        ArgumentException.ThrowIfNullOrEmpty(statementContains);
        ArgumentNullException.ThrowIfNull(sqlState);
        ArgumentException.ThrowIfNullOrEmpty(message);
        if (sqlState.Length != 5 || !sqlState.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
        {
            throw new ArgumentException(
                $"'{sqlState}' is not a SQLSTATE: five digits or upper-case ASCII letters, e.g. 53300.", nameof(sqlState));
        }

        _owner = owner;
        StatementContains = statementContains;
        Error = new ServiceError(sqlState, message);
        _counter = new FaultCounter(times);
    }

    /// <summary>The text a statement must contain (ordinal comparison) to be matched.</summary>
    public string StatementContains { get; }

    /// <summary>The SQLSTATE of the injected error.</summary>
    public string SqlState => Error.SqlState;

    /// <summary>The primary text of the injected error.</summary>
    public string Message => Error.Message;

    /// <summary>How many matching statements fail; those after run normally.</summary>
    public int Times => _counter.Times;

    /// <summary>How many statements the front received with the text in them while the fault was injected, failed or not.</summary>
    public int Matched => _counter.Matched;

    /// <summary>How many of those the front answered with the error instead of running them.</summary>
    public int Failed => _counter.Failed;

    internal ServiceError Error { get; }

    /// <summary>
    /// Removes the fault: from now on the front runs matching statements and counts nothing. Disposing again does nothing.
    /// </summary>
    public void Dispose() => _owner.Remove(this);

    /// <summary>Counts <paramref name="sql"/> if it contains the text; false when it does not.</summary>
    internal bool Matches(string sql)
    {
        if (!sql.Contains(StatementContains, StringComparison.Ordinal))
        {
            return false;
        }

        _counter.CountMatch();
        return true;
    }

    /// <summary>Takes one of the failures left, if any; concurrent sessions never take more than <see cref="Times"/>.</summary>
    internal bool TryTakeFailure() => _counter.TryTakeFailure();
}

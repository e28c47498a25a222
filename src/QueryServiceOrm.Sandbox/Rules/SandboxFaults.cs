using System.Collections.Immutable;

namespace QueryServiceOrm.Sandbox.Rules;

/// <summary>
/// The faults injected into one front. Its sessions check every statement text concurrently while tests add and remove
/// faults, so the list is replaced whole on each change and a check walks one snapshot without a lock.
/// </summary>
internal sealed class SandboxFaults
{
    private ImmutableList<SandboxFault> _faults = [];

    public SandboxFault Add(string statementContains, string sqlState, string message, int times)
    {
        var fault = new SandboxFault(this, statementContains, sqlState, message, times);
        ImmutableInterlocked.Update(ref _faults, static (faults, added) => faults.Add(added), fault);
        return fault;
    }

    public void Remove(SandboxFault fault)
        => ImmutableInterlocked.Update(ref _faults, static (faults, removed) => faults.Remove(removed), fault);

    /// <summary>
    /// Counts <paramref name="sql"/> in every fault whose text it contains and returns the error of the first of them (in the
    /// order they were injected) with a failure left, or null when the statement is to run.
    /// </summary>
    public ServiceError? Match(string sql)
    {
        ServiceError? error = null;
        foreach (var fault in Volatile.Read(ref _faults))
        {
            if (fault.Matches(sql) && error is null && fault.TryTakeFailure())
            {
                error = fault.Error;
            }
        }

        return error;
    }
}

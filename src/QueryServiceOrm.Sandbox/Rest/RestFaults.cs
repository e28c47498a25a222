using System.Collections.Immutable;
using System.Net;

namespace QueryServiceOrm.Sandbox.Rest;

/// <summary>The gateway faults injected into one REST host; replaced whole on each change, read without a lock.</summary>
internal sealed class RestFaults
{
    private ImmutableList<RestFault> _faults = [];

    public RestFault Add(string method, string pathContains, HttpStatusCode statusCode, TimeSpan? retryAfter, int times)
    {
        var fault = new RestFault(this, method, pathContains, statusCode, retryAfter, times);
        ImmutableInterlocked.Update(ref _faults, static (faults, added) => faults.Add(added), fault);
        return fault;
    }

    public void Remove(RestFault fault)
        => ImmutableInterlocked.Update(ref _faults, static (faults, removed) => faults.Remove(removed), fault);

    /// <summary>The earliest injected fault that matches the request and has a failure left, or null.</summary>
    public RestFault? Match(string method, string path)
    {
        RestFault? failing = null;
        foreach (var fault in Volatile.Read(ref _faults))
        {
            if (fault.Matches(method, path) && failing is null && fault.TryTakeFailure())
            {
                failing = fault;
            }
        }

        return failing;
    }
}

using System.Net;

namespace QueryServiceOrm.Sandbox.Rest;

/// <summary>
/// A failure of the REST API's gateway injected into the sandbox (<see cref="QueryServiceSandbox.FailRest"/>): each request
/// whose method is <see cref="Method"/> and whose path contains <see cref="PathContains"/> is counted, and the first
/// <see cref="Times"/> of them are answered with <see cref="StatusCode"/> (and a <c>Retry-After</c> header when
/// <see cref="RetryAfter"/> is set) before the API sees them: a faulted submission creates no job. Disposing it removes it.
/// </summary>
public sealed class RestFault : IDisposable
{
    private readonly RestFaults _owner;
    private readonly FaultCounter _counter;

    internal RestFault(RestFaults owner, string method, string pathContains, HttpStatusCode statusCode, TimeSpan? retryAfter, int times)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(pathContains);
        if ((int)statusCode < 400)
        {
            throw new ArgumentOutOfRangeException(
                nameof(statusCode), statusCode, "A fault answers with an error status (400 or above), e.g. 429 or 503.");
        }

        _owner = owner;
        Method = method.ToUpperInvariant();
        PathContains = pathContains;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
        _counter = new FaultCounter(times);
    }

    /// <summary>The HTTP method matched (upper case).</summary>
    public string Method { get; }

    /// <summary>The text a request's path must contain (ordinal comparison).</summary>
    public string PathContains { get; }

    /// <summary>The status the gateway answers with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The <c>Retry-After</c> header sent with the status, in whole seconds, if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>How many matching requests fail; those after reach the API.</summary>
    public int Times => _counter.Times;

    /// <summary>How many matching requests arrived while the fault was injected, failed or not.</summary>
    public int Matched => _counter.Matched;

    /// <summary>How many of those were answered with the status.</summary>
    public int Failed => _counter.Failed;

    /// <summary>Removes the fault. Disposing again does nothing.</summary>
    public void Dispose() => _owner.Remove(this);

    internal bool Matches(string method, string path)
    {
        if (!string.Equals(method, Method, StringComparison.OrdinalIgnoreCase) || !path.Contains(PathContains, StringComparison.Ordinal))
        {
            return false;
        }

        _counter.CountMatch();
        return true;
    }

    internal bool TryTakeFailure() => _counter.TryTakeFailure();
}

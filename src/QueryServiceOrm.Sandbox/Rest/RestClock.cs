namespace QueryServiceOrm.Sandbox.Rest;

/// <summary>
/// Creation times a list can page by: UTC, whole milliseconds (the API's precision) and distinct, since a page's
/// <c>next</c> start is the creation time of the first item it left out.
/// </summary>
internal sealed class RestClock
{
    private readonly object _gate = new();
    private DateTimeOffset _last;

    public DateTimeOffset Next()
    {
        lock (_gate)
        {
            var now = DateTimeOffset.UtcNow;
            now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
            _last = now > _last ? now : _last.AddMilliseconds(1);
            return _last;
        }
    }
}

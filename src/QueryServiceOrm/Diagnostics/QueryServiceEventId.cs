using Microsoft.Extensions.Logging;

namespace QueryServiceOrm.Diagnostics;

/// <summary>Event ids of the log messages this library writes (category <c>QueryServiceOrm</c>).</summary>
public static class QueryServiceEventId
{
    /// <summary>A query without Take returned exactly the row cap: the service probably cut the result short.</summary>
    public static readonly EventId RowCapReached = new(30_001, nameof(RowCapReached));
}

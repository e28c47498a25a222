using System.Text.Json.Serialization;

namespace QueryServiceOrm.Rest;

/// <summary>
/// The state of a query submitted to the REST API. Adobe's pages show <see cref="Submitted"/>, <see cref="InProgress"/>
/// and <see cref="Success"/>; <see cref="Failed"/>, <see cref="Killed"/> and <see cref="Cancelled"/> are the API
/// reference's names for the other outcomes. Any other name the service sends is kept as it is and counts as not ended.
/// </summary>
/// <param name="Name">The name as the API sends it.</param>
[JsonConverter(typeof(QueryServiceJobStateConverter))]
public readonly record struct QueryServiceJobState(string Name)
{
    /// <summary>Accepted, not started.</summary>
    public static readonly QueryServiceJobState Submitted = new("SUBMITTED");

    /// <summary>Running.</summary>
    public static readonly QueryServiceJobState InProgress = new("IN_PROGRESS");

    /// <summary>Ended; its dataset is written.</summary>
    public static readonly QueryServiceJobState Success = new("SUCCESS");

    /// <summary>Ended with errors.</summary>
    public static readonly QueryServiceJobState Failed = new("FAILED");

    /// <summary>Stopped by a cancellation.</summary>
    public static readonly QueryServiceJobState Killed = new("KILLED");

    /// <summary>Stopped by a cancellation (the name some responses use).</summary>
    public static readonly QueryServiceJobState Cancelled = new("CANCELLED");

    /// <summary>Whether the query has ended, well or not.</summary>
    public bool IsTerminal => this == Success || this == Failed || this == Killed || this == Cancelled;

    /// <summary>The name.</summary>
    public override string ToString() => Name ?? "";
}

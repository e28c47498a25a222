using System.Text.Json;
using System.Text.Json.Serialization;

namespace QueryServiceOrm.Rest;

/// <summary>A query as the REST API reports it (<c>GET /queries/{id}</c>, and the answer to a submission).</summary>
public sealed record QueryServiceQuery
{
    /// <summary>Its id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Where it stands.</summary>
    public QueryServiceJobState State { get; init; }

    /// <summary>What was submitted.</summary>
    public QueryServiceSubmittedQuery? Request { get; init; }

    /// <summary>The rows it wrote, once it has succeeded.</summary>
    public long RowCount { get; init; }

    /// <summary>Why it failed, in the service's words.</summary>
    public IReadOnlyList<QueryServiceQueryError> Errors { get; init; } = [];

    /// <summary>Whether it is a CTAS.</summary>
    [JsonPropertyName("isCTAS")]
    public bool IsCtas { get; init; }

    /// <summary>Whether it is an INSERT INTO.</summary>
    public bool IsInsertInto { get; init; }

    /// <summary>How long it has run, in milliseconds.</summary>
    public long ElapsedTime { get; init; }

    /// <summary>When it was submitted.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>When its state last changed.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>Who submitted it (<c>API</c>, or the UI's name).</summary>
    public string? Client { get; init; }

    /// <summary>The submitting user.</summary>
    public string? UserId { get; init; }

    /// <summary>The HAL links (<c>self</c>, <c>cancel</c> while it runs, <c>soft_delete</c>, ...), as the API sends them.</summary>
    [JsonPropertyName("_links")]
    public IReadOnlyDictionary<string, JsonElement>? Links { get; init; }
}

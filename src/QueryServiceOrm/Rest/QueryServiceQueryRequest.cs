namespace QueryServiceOrm.Rest;

/// <summary>
/// A query to run as a batch job (<c>POST /queries</c>): its SQL (or a template), and optionally the parameters that make it
/// a CTAS into a new dataset or an INSERT INTO an existing one.
/// </summary>
public sealed record QueryServiceQueryRequest
{
    /// <summary>The database, <c>sandbox:target</c>; the client's <see cref="QueryServiceRestOptions.Database"/> when null.</summary>
    public string? DbName { get; init; }

    /// <summary>The statement, in the service's SQL; <c>$name</c> placeholders are filled from <see cref="QueryParameters"/>.</summary>
    public string? Sql { get; init; }

    /// <summary>A name for the query, shown in Adobe's UI.</summary>
    public string? Name { get; init; }

    /// <summary>A description.</summary>
    public string? Description { get; init; }

    /// <summary>Values for <c>$name</c> placeholders in the SQL (not type-checked by the service).</summary>
    public IReadOnlyDictionary<string, string>? QueryParameters { get; init; }

    /// <summary>A saved template to run instead of <see cref="Sql"/>.</summary>
    public string? TemplateId { get; init; }

    /// <summary>Makes the query a CTAS into a new dataset.</summary>
    public QueryServiceCtasParameters? CtasParameters { get; init; }

    /// <summary>Makes the query an INSERT INTO an existing dataset.</summary>
    public QueryServiceInsertIntoParameters? InsertIntoParameters { get; init; }
}

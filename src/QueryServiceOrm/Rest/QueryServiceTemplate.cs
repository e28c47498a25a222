namespace QueryServiceOrm.Rest;

/// <summary>A saved query template (<c>/query-templates</c>): SQL with <c>$name</c> placeholders, run as a query by its id.</summary>
public sealed record QueryServiceTemplate
{
    /// <summary>Its id: a query runs it with <see cref="QueryServiceQueryRequest.TemplateId"/>.</summary>
    public string Id { get; init; } = "";

    /// <summary>Its name.</summary>
    public string? Name { get; init; }

    /// <summary>Its SQL, with <c>$name</c> placeholders.</summary>
    public string? Sql { get; init; }

    /// <summary>The user who created it.</summary>
    public string? UserId { get; init; }

    /// <summary>The user who last overwrote it, if anyone has.</summary>
    public string? LastUpdatedBy { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>When it was last overwritten (its creation time until then).</summary>
    public DateTimeOffset? Updated { get; init; }
}

namespace QueryServiceOrm.Rest;

/// <summary>One page of <c>GET /query-templates</c>; the next one starts at its <see cref="QueryServicePage.NextStart"/>.</summary>
public sealed record QueryServiceTemplatePage : QueryServicePage
{
    /// <summary>The templates of the page.</summary>
    public IReadOnlyList<QueryServiceTemplate> Templates { get; init; } = [];
}

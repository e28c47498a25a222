using QueryServiceOrm.Sandbox.Rest.Queries;

namespace QueryServiceOrm.Sandbox.Rest;

/// <summary>The items of one page of a list, its <c>_page</c> and its <c>_links</c>.</summary>
internal sealed record ListedPage<T>(IReadOnlyList<T> Items, PageBody Page, IReadOnlyDictionary<string, LinkBody> Links);

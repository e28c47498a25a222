using Microsoft.AspNetCore.Http;

namespace QueryServiceOrm.Sandbox.Rest.Templates;

/// <summary>
/// <c>GET /query-templates</c>: the paging of <see cref="RestPaging"/>, and <c>property</c> filters on <c>name</c> and
/// <c>userId</c> with <c>==</c>, comma-separated, as Adobe documents them.
/// </summary>
internal static class TemplateListing
{
    /// <summary>The page, or the text of a 400 answer.</summary>
    public static (TemplatePageBody? Page, string? Error) List(
        IEnumerable<QueryTemplate> templates, IQueryCollection query, string apiBaseUrl)
    {
        var (paging, error) = RestPaging.Read(query);
        if (paging is null)
        {
            return (null, error);
        }

        var filters = new List<Func<QueryTemplate, bool>>();
        var properties = query["property"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var filter in properties)
        {
            if (Filter(filter) is not { } predicate)
            {
                return (null, $"property filter '{filter}' is not supported: use name==... or userId==... (== is the only operator).");
            }

            filters.Add(predicate);
        }

        var (items, page, links) = paging.Page(templates.Where(t => filters.All(f => f(t))), $"{apiBaseUrl}/query-templates");
        return (new TemplatePageBody(items.Select(t => t.ToResource(apiBaseUrl)).ToList(), page, links), null);
    }

    private static Func<QueryTemplate, bool>? Filter(string filter)
    {
        var at = filter.IndexOf("==", StringComparison.Ordinal);
        var value = at > 0 ? filter[(at + 2)..].Trim() : "";
        return at > 0 ? filter[..at].Trim() switch
        {
            "name" => t => string.Equals(t.Name, value, StringComparison.Ordinal),
            "userId" => t => string.Equals(t.UserId, value, StringComparison.Ordinal),
            _ => null,
        } : null;
    }
}

using Microsoft.AspNetCore.Http;
using QueryServiceOrm.Sandbox.Rest.Queries;

namespace QueryServiceOrm.Sandbox.Rest;

/// <summary>
/// The paging the API's lists share: <c>orderby</c> (<c>created</c> or <c>updated</c>, <c>-</c> for descending; <c>-created</c>
/// by default), <c>limit</c> (20 by default) and <c>start</c> (a zero-based offset, or the timestamp <c>_links.next</c> carries).
/// </summary>
internal sealed record RestPaging(string Orderby, bool Descending, bool ByCreated, int Limit, string Start)
{
    private const int DefaultLimit = 20;
    private const int MaxLimit = 1000;

    /// <summary>The paging a request asks for, or the text of a 400 answer.</summary>
    public static (RestPaging? Paging, string? Error) Read(IQueryCollection query)
    {
        var orderby = query["orderby"].ToString() is { Length: > 0 } o ? o : "-created";
        var field = orderby.TrimStart('-', '+', ' ');
        if (field is not ("created" or "updated"))
        {
            return (null, $"orderby '{orderby}' is not supported: use created or updated, with '-' for descending order.");
        }

        var limitText = query["limit"].ToString() is { Length: > 0 } l ? l : DefaultLimit.ToString(CultureInfo.InvariantCulture);
        if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit is < 1 or > MaxLimit)
        {
            return (null, $"limit must be a whole number from 1 to {MaxLimit} ({DefaultLimit} by default).");
        }

        return (new RestPaging(orderby, orderby.StartsWith('-'), field == "created", limit, query["start"].ToString()), null);
    }

    /// <summary>This page of the items, its <c>_page</c> and its <c>_links</c> (a <c>next</c> one unless it is the last).</summary>
    /// <param name="items">The items that match the request's filters, in no order.</param>
    /// <param name="listUrl">The list's address, without a query string.</param>
    public (List<T> Items, PageBody Page, Dictionary<string, LinkBody> Links) Page<T>(IEnumerable<T> items, string listUrl)
        where T : IRestListed
    {
        Func<T, DateTimeOffset> key = ByCreated ? i => i.Created : i => i.Updated;
        var ordered = (Descending ? items.OrderByDescending(key) : items.OrderBy(key)).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var page = ordered.Skip(Skip(ordered, key)).Take(Limit + 1).ToList();
        var next = page.Count > Limit ? QueryJob.Timestamp(key(page[Limit])) : null;
        var shown = page.Take(Limit).ToList();
        var links = new Dictionary<string, LinkBody>(StringComparer.Ordinal);
        if (next is not null)
        {
            links["next"] = new($"{listUrl}?orderby={Uri.EscapeDataString(Orderby)}&limit={Limit}&start={Uri.EscapeDataString(next)}");
        }

        var start = shown.Count > 0 ? QueryJob.Timestamp(key(shown[0])) : null;
        return (shown, new PageBody(Orderby, start, next, shown.Count), links);
    }

    // A number is an offset; a timestamp starts the page at the first item at or past it in the order.
    private int Skip<T>(List<T> ordered, Func<T, DateTimeOffset> key)
    {
        if (Start.Length == 0)
        {
            return 0;
        }

        if (int.TryParse(Start, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return offset;
        }

        if (!DateTimeOffset.TryParse(Start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from))
        {
            return 0;
        }

        var index = ordered.FindIndex(i => Descending ? key(i) <= from : key(i) >= from);
        return index < 0 ? ordered.Count : index;
    }
}

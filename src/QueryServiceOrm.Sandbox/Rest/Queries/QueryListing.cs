using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace QueryServiceOrm.Sandbox.Rest.Queries;

/// <summary>
/// <c>GET /queries</c>: <c>orderby</c> (<c>created</c> or <c>updated</c>, <c>-</c> for descending; <c>-created</c> by
/// default), <c>limit</c> (20 by default), <c>start</c> (a zero-based offset, or the timestamp <c>_links.next</c> carries),
/// <c>property</c> filters (<c>created</c>, <c>updated</c>, <c>state</c>, <c>id</c> with <c>&gt; &lt; &gt;= &lt;= == != ~</c>,
/// comma-separated) and <c>excludeSoftDeleted</c> (true by default).
/// </summary>
internal static class QueryListing
{
    private const int DefaultLimit = 20;
    private const int MaxLimit = 1000;
    private static readonly string[] Operators = [">=", "<=", "==", "!=", ">", "<", "~"];

    /// <summary>The page, or the text of a 400 answer.</summary>
    public static (QueryPageBody? Page, string? Error) List(IEnumerable<QueryJob> jobs, IQueryCollection query, string apiBaseUrl)
    {
        var orderby = query["orderby"].ToString() is { Length: > 0 } o ? o : "-created";
        var descending = orderby.StartsWith('-');
        var field = orderby.TrimStart('-', '+', ' ');
        if (field is not ("created" or "updated"))
        {
            return (null, $"orderby '{orderby}' is not supported: use created or updated, with '-' for descending order.");
        }

        if (!int.TryParse(query["limit"].ToString() is { Length: > 0 } l ? l : "20", NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit is < 1 or > MaxLimit)
        {
            return (null, $"limit must be a whole number from 1 to {MaxLimit} ({DefaultLimit} by default).");
        }

        var filters = new List<Func<QueryJob, bool>>();
        foreach (var filter in query["property"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Filter(filter) is not { } predicate)
            {
                return (null, $"property filter '{filter}' is not supported: use created, updated, state or id with >, <, >=, <=, ==, != or ~.");
            }

            filters.Add(predicate);
        }

        var excludeSoftDeleted = !string.Equals(query["excludeSoftDeleted"], "false", StringComparison.OrdinalIgnoreCase);
        Func<QueryJob, DateTimeOffset> key = field == "created" ? j => j.Created : j => j.Updated;
        var matching = jobs.Where(j => !(excludeSoftDeleted && j.SoftDeleted) && filters.All(f => f(j)));
        var ordered = (descending ? matching.OrderByDescending(key) : matching.OrderBy(key)).ThenBy(j => j.Id, StringComparer.Ordinal).ToList();
        var start = query["start"].ToString();
        var skip = Skip(ordered, key, descending, start);
        var page = ordered.Skip(skip).Take(limit + 1).ToList();
        var next = page.Count > limit ? QueryJob.Timestamp(key(page[limit])) : null;
        var items = page.Take(limit).Select(j => j.ToResource(apiBaseUrl)).ToList();
        var links = new Dictionary<string, LinkBody>(StringComparer.Ordinal);
        if (next is not null)
        {
            links["next"] = new($"{apiBaseUrl}/queries?orderby={Uri.EscapeDataString(orderby)}&limit={limit}&start={Uri.EscapeDataString(next)}");
        }

        return (new QueryPageBody(items, new PageBody(orderby, items.Count > 0 ? QueryJob.Timestamp(key(page[0])) : null, next, items.Count), links), null);
    }

    // A number is an offset; a timestamp starts the page at the first query at or past it in the order.
    private static int Skip(List<QueryJob> ordered, Func<QueryJob, DateTimeOffset> key, bool descending, string start)
    {
        if (start.Length == 0)
        {
            return 0;
        }

        if (int.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return offset;
        }

        if (!DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from))
        {
            return 0;
        }

        var index = ordered.FindIndex(j => descending ? key(j) <= from : key(j) >= from);
        return index < 0 ? ordered.Count : index;
    }

    private static Func<QueryJob, bool>? Filter(string filter)
    {
        foreach (var op in Operators)
        {
            var at = filter.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var field = filter[..at].Trim();
            var value = filter[(at + op.Length)..].Trim();
            return field switch
            {
                "state" => j => Compare(string.CompareOrdinal(j.State, value), op, j.State, value),
                "id" => j => Compare(string.CompareOrdinal(j.Id, value), op, j.Id, value),
                "created" or "updated" when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                    => j => Compare((field == "created" ? j.Created : j.Updated).CompareTo(time), op, QueryJob.Timestamp(field == "created" ? j.Created : j.Updated), value),
                _ => null,
            };
        }

        return null;
    }

    private static bool Compare(int order, string op, string text, string value)
        => op switch
        {
            "==" => order == 0,
            "!=" => order != 0,
            ">" => order > 0,
            "<" => order < 0,
            ">=" => order >= 0,
            "<=" => order <= 0,
            _ => text.Contains(value, StringComparison.OrdinalIgnoreCase),
        };
}

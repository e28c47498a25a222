using System.Globalization;
using Microsoft.AspNetCore.Http;
using QueryServiceOrm.Sandbox.Rest.Queries;

namespace QueryServiceOrm.Sandbox.Rest.Schedules;

/// <summary>
/// The paging of <c>GET /schedules</c> and of a schedule's runs: <c>orderby</c> (<c>created</c> or <c>updated</c>, <c>-</c>
/// for descending; <c>+created</c> by default), <c>limit</c> (20 by default), <c>start</c> (a zero-based offset; the
/// <c>next</c> link carries the next page's) and <c>property</c> filters (<c>field==value</c>, <c>!=</c>, <c>&gt;</c>,
/// <c>&lt;</c>, comma-separated) on the fields each list allows.
/// </summary>
internal static class ScheduleListing
{
    private const int DefaultLimit = 20;
    private const int MaxLimit = 1000;
    private static readonly string[] Operators = ["==", "!=", ">", "<"];

    /// <summary>The page, or the text of a 400 answer.</summary>
    /// <param name="items">Everything the list holds.</param>
    /// <param name="query">The request's query string.</param>
    /// <param name="listUrl">The list's address, for the <c>next</c> link.</param>
    /// <param name="field">An item's field as text; timestamps in the API's format, so that they sort as text.</param>
    /// <param name="filterable">The fields a <c>property</c> filter may name.</param>
    public static (ListedPage<T>? Page, string? Error) Page<T>(
        IEnumerable<T> items, IQueryCollection query, string listUrl, Func<T, string, string?> field, IReadOnlyList<string> filterable)
    {
        var requested = query["orderby"].ToString().Trim();
        var order = requested.TrimStart('-', '+');
        if (order.Length > 0 && order is not ("created" or "updated"))
        {
            return (null, $"orderby '{requested}' is not supported: use created or updated, with '-' for descending order.");
        }

        var orderby = (requested.StartsWith('-') ? "-" : "+") + (order.Length > 0 ? order : "created");
        var limit = Number(query["limit"], DefaultLimit);
        if (limit is not (>= 1 and <= MaxLimit))
        {
            return (null, $"limit must be a whole number from 1 to {MaxLimit} ({DefaultLimit} by default).");
        }

        if (Number(query["start"], 0) is not { } start)
        {
            return (null, "start must be a zero-based offset, e.g. start=20 (the next link carries it).");
        }

        var filters = new List<Func<T, bool>>();
        const StringSplitOptions Entries = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;
        foreach (var filter in query["property"].ToString().Split(',', Entries))
        {
            if (Filter(filter, field, filterable) is not { } predicate)
            {
                return (null, $"property filter '{filter}' is not supported: use {string.Join(", ", filterable)} with ==, !=, > or <.");
            }

            filters.Add(predicate);
        }

        return (Paged(items.Where(i => filters.All(f => f(i))), orderby, limit.Value, start, listUrl, field), null);
    }

    private static ListedPage<T> Paged<T>(
        IEnumerable<T> matching, string orderby, int limit, int start, string listUrl, Func<T, string, string?> field)
    {
        var key = orderby[1..];
        var ordered = orderby[0] == '-'
            ? matching.OrderByDescending(i => field(i, key), StringComparer.Ordinal)
            : matching.OrderBy(i => field(i, key), StringComparer.Ordinal);
        var all = ordered.ThenBy(i => field(i, "id"), StringComparer.Ordinal).ToList();
        var items = all.Skip(start).Take(limit).ToList();
        var next = start + limit < all.Count ? (start + limit).ToString(CultureInfo.InvariantCulture) : null;
        var links = new Dictionary<string, LinkBody>(StringComparer.Ordinal);
        if (next is not null)
        {
            links["next"] = new($"{listUrl}?orderby={Uri.EscapeDataString(orderby)}&limit={limit}&start={next}");
        }

        return new(items, new PageBody(orderby, items.Count > 0 ? field(items[0], key) : null, next, items.Count), links);
    }

    private static int? Number(Microsoft.Extensions.Primitives.StringValues value, int absent)
        => value.ToString() is not { Length: > 0 } text
            ? absent
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static Func<T, bool>? Filter<T>(string filter, Func<T, string, string?> field, IReadOnlyList<string> filterable)
    {
        var op = Operators.FirstOrDefault(o => filter.IndexOf(o, StringComparison.Ordinal) > 0);
        if (op is null)
        {
            return null;
        }

        var at = filter.IndexOf(op, StringComparison.Ordinal);
        var name = filter[..at].Trim();
        var value = filter[(at + op.Length)..].Trim();
        if (!filterable.Contains(name, StringComparer.Ordinal))
        {
            return null;
        }

        if (name is "created" or "updated")
        {
            if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                return null;
            }

            value = QueryJob.Timestamp(time);
        }

        return item => field(item, name) is { } actual && Compare(string.CompareOrdinal(actual, value), op);
    }

    private static bool Compare(int order, string op)
        => op switch
        {
            "==" => order == 0,
            "!=" => order != 0,
            ">" => order > 0,
            _ => order < 0,
        };
}

using Microsoft.AspNetCore.Http;
using QueryServiceOrm.Sandbox.Rest.Queries;

namespace QueryServiceOrm.Sandbox.Rest;

/// <summary>
/// A list of the API (templates, schedules, a schedule's runs): the paging of <see cref="RestPaging"/>, and
/// <c>property</c> filters (<c>field==value</c>, comma-separated) on the fields and with the operators each list allows.
/// </summary>
internal static class RestListing
{
    /// <summary>What schedules and runs take: <c>==</c>, <c>!=</c>, <c>&gt;</c>, <c>&lt;</c>.</summary>
    public static readonly IReadOnlyList<string> Comparisons = ["==", "!=", ">", "<"];

    /// <summary>What templates take: <c>==</c> only.</summary>
    public static readonly IReadOnlyList<string> Equality = ["=="];

    /// <summary>The page, or the text of a 400 answer.</summary>
    /// <param name="items">Everything the list holds.</param>
    /// <param name="query">The request's query string.</param>
    /// <param name="listUrl">The list's address, for the <c>next</c> link.</param>
    /// <param name="field">An item's field as text, for the filters; timestamps in the API's format, so that they sort as text.</param>
    /// <param name="filterable">The fields a <c>property</c> filter may name.</param>
    /// <param name="operators">The operators it may use (<see cref="Comparisons"/> or <see cref="Equality"/>).</param>
    public static (ListedPage<T>? Page, string? Error) Page<T>(
        IEnumerable<T> items,
        IQueryCollection query,
        string listUrl,
        Func<T, string, string?> field,
        IReadOnlyList<string> filterable,
        IReadOnlyList<string> operators)
        where T : IRestListed
    {
        var (paging, error) = RestPaging.Read(query);
        if (paging is null)
        {
            return (null, error);
        }

        var filters = new List<Func<T, bool>>();
        const StringSplitOptions Entries = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;
        foreach (var filter in query["property"].ToString().Split(',', Entries))
        {
            if (Filter(filter, field, filterable, operators) is not { } predicate)
            {
                return (null, $"property filter '{filter}' is not supported: "
                    + $"use {string.Join(", ", filterable)} with {string.Join(", ", operators)}.");
            }

            filters.Add(predicate);
        }

        var (shown, page, links) = paging.Page(items.Where(i => filters.All(f => f(i))), listUrl);
        return (new ListedPage<T>(shown, page, links), null);
    }

    private static Func<T, bool>? Filter<T>(
        string filter, Func<T, string, string?> field, IReadOnlyList<string> filterable, IReadOnlyList<string> operators)
    {
        var op = operators.FirstOrDefault(o => filter.IndexOf(o, StringComparison.Ordinal) > 0);
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

using Npgsql;

namespace QueryServiceOrm.Cli.Doctor;

/// <summary>What a probe's statement gave: its rows' first values, or why there are none.</summary>
/// <param name="Values">The first column of every row, when the server answered.</param>
/// <param name="Refusal">Why there is no answer (the server's error and SQLSTATE, or the timeout), or null.</param>
internal sealed record ProbeAnswer(IReadOnlyList<object?> Values, string? Refusal)
{
    /// <summary>Whether the server ran the statement.</summary>
    public bool Accepted => Refusal is null;

    /// <summary>Whether the server ran it and its rows' first values are exactly these integers.</summary>
    public bool ReturnsIntegers(params long[] expected)
        => Accepted && Values.Count == expected.Length && Values.Select(AsInteger).SequenceEqual(expected.Select(e => (long?)e));

    /// <summary>The rows' first values as text, for a probe's line.</summary>
    public string Shown => Values.Count == 0
        ? "no rows"
        : string.Join(", ", Values.Select(v => v is string s ? $"'{s}'" : Convert.ToString(v, CultureInfo.InvariantCulture) ?? "NULL"));

    // A number the server may send as any integer type (int, bigint, numeric); a string such as 'f' is not one.
    private static long? AsInteger(object? value)
        => value is int or long or short or decimal ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;
}

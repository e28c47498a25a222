namespace QueryServiceOrm.Infrastructure;

/// <summary>
/// Bounds of the append statements SaveChanges and AppendAsync send; a statement ends at whichever comes first. They
/// shape no query, so contexts that differ only here share EF's internal service provider.
/// </summary>
public sealed record QueryServiceAppendOptions
{
    /// <summary>The most rows one statement carries (default 10,000: 100,000 flat rows in 10 statements).</summary>
    public int MaxRows { get; init; } = 10_000;

    /// <summary>The longest statement, in characters, unless a single row is longer (default 4,000,000).</summary>
    public int MaxStatementLength { get; init; } = 4_000_000;

    /// <summary>The most bind parameters in one statement in Bind mode (default 30,000; PostgreSQL's protocol allows 65,535).</summary>
    public int MaxParameters { get; init; } = 30_000;

    /// <summary>Checks the settings and returns this instance.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is out of range.</exception>
    public QueryServiceAppendOptions Validate()
        => MaxRows < 1 ? throw new ArgumentOutOfRangeException(nameof(MaxRows), MaxRows, "An append statement holds at least one row.")
            : MaxStatementLength < 1
                ? throw new ArgumentOutOfRangeException(
                    nameof(MaxStatementLength), MaxStatementLength, "An append statement's length bound must be positive.")
            : MaxParameters is < 1 or > 65_535
                ? throw new ArgumentOutOfRangeException(
                    nameof(MaxParameters), MaxParameters, "PostgreSQL's protocol carries 1 to 65,535 parameters a statement.")
            : this;
}

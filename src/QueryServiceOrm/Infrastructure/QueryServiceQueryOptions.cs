namespace QueryServiceOrm.Infrastructure;

/// <summary>Query options of a Query Service context.</summary>
public sealed record QueryServiceQueryOptions
{
    /// <summary>The largest LIMIT the service accepts for an interactive query.</summary>
    public const int MaxLimit = 100_000;

    /// <summary>How many rows the service returns at most for a query without LIMIT.</summary>
    public const int DefaultRowCap = 50_000;

    /// <summary>
    /// The service's row cap for queries without LIMIT (50,000 unless the organisation's is different). A query without Take
    /// that returns exactly this many rows raises <see cref="Diagnostics.QueryServiceEventId.RowCapReached"/>.
    /// </summary>
    public int RowCap { get; init; } = DefaultRowCap;

    /// <summary>How often a failed read is tried again (default 5).</summary>
    public int MaxRetryCount { get; init; } = 5;

    /// <summary>The first delay before a retry; each further one doubles it (default 1 s).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between two tries (default 30 s).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks the settings and returns this instance.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public QueryServiceQueryOptions Validate()
        => RowCap is < 1 or > MaxLimit
                ? throw new ArgumentOutOfRangeException(nameof(RowCap), RowCap, $"The row cap must be between 1 and {MaxLimit}.")
                : MaxRetryCount < 0 || RetryBaseDelay <= TimeSpan.Zero || MaxRetryDelay < RetryBaseDelay
                    ? throw new ArgumentOutOfRangeException(
                        nameof(MaxRetryCount), "Retries need a count of 0 or more and a positive base delay no longer than the maximum.")
                    : this;
}

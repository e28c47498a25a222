namespace QueryServiceOrm.Cli;

/// <summary>A count with its noun, singular for one ("1 row.", "3 tables").</summary>
internal static class Counted
{
    public static string Of(long count, string noun)
        => $"{count.ToString("N0", CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";
}

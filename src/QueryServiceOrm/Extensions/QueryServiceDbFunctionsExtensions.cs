// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// Spark SQL functions Experience Platform users reach for most, for use in LINQ queries (<c>EF.Functions.DateFormat(...)</c>),
/// sent as the Spark calls they name.
/// </summary>
public static class QueryServiceDbFunctionsExtensions
{
    /// <summary>
    /// <c>date_format(timestamp, format)</c>: a timestamp as text, in a Java date pattern (e.g. <c>yyyy-MM-dd HH:mm:ss</c>).
    /// </summary>
    /// <param name="_">EF.Functions.</param>
    /// <param name="timestamp">The timestamp (UTC).</param>
    /// <param name="format">The pattern.</param>
    public static string DateFormat(this DbFunctions _, DateTime timestamp, string format)
        => throw new InvalidOperationException(CoreStrings.FunctionOnClient(nameof(DateFormat)));

    /// <summary>
    /// Spark's <c>to_timestamp(text, format)</c> (named so as not to clash with Npgsql's ToTimestamp): parses text in a Java date
    /// pattern into a timestamp (UTC).
    /// </summary>
    /// <param name="_">EF.Functions.</param>
    /// <param name="text">The text.</param>
    /// <param name="format">The pattern.</param>
    public static DateTime ParseTimestamp(this DbFunctions _, string text, string format)
        => throw new InvalidOperationException(CoreStrings.FunctionOnClient(nameof(ParseTimestamp)));

    /// <summary>
    /// <c>from_utc_timestamp(timestamp, zone)</c>: a UTC timestamp as wall-clock time in a time zone (e.g. <c>Europe/Paris</c>).
    /// </summary>
    /// <param name="_">EF.Functions.</param>
    /// <param name="timestamp">The UTC timestamp.</param>
    /// <param name="timeZone">An IANA time zone name.</param>
    public static DateTime FromUtcTimestamp(this DbFunctions _, DateTime timestamp, string timeZone)
        => throw new InvalidOperationException(CoreStrings.FunctionOnClient(nameof(FromUtcTimestamp)));

    /// <summary>
    /// <c>regexp_extract(text, pattern, group)</c>: the text of a capture group of the first match (0 for the whole match),
    /// or the empty string when nothing matches.
    /// </summary>
    /// <param name="_">EF.Functions.</param>
    /// <param name="text">The text.</param>
    /// <param name="pattern">The regular expression.</param>
    /// <param name="group">The capture group.</param>
    public static string RegexpExtract(this DbFunctions _, string text, string pattern, int group)
        => throw new InvalidOperationException(CoreStrings.FunctionOnClient(nameof(RegexpExtract)));
}

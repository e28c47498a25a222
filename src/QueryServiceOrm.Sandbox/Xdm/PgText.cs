namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary>
/// PostgreSQL's text forms, for COPY: composite values <c>(a,b)</c>, arrays <c>{x,y}</c>, and the COPY escaping
/// around a whole field. Each level quotes what its parser would otherwise split on.
/// </summary>
internal static class PgText
{
    public static string? Composite(params string?[] fields)
        => "(" + string.Join(',', fields.Select(f => f is null ? "" : NeedsQuotes(f, "(),\"\\") ? Quote(f) : f)) + ")";

    public static string Array(IEnumerable<string?> elements)
        => "{" + string.Join(
            ',',
            elements.Select(
                e => e is null
                    ? "NULL"
                    : NeedsQuotes(e, "{},\"\\") || e.Equals("NULL", StringComparison.OrdinalIgnoreCase)
                    ? Quote(e)
                    : e)) + "}";

    public static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    public static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Boolean(bool? value) => value is null ? null : value.Value ? "t" : "f";

    public static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+00";

    /// <summary>A COPY text-format field: <c>\N</c> for null, backslash and control characters escaped.</summary>
    public static string CopyField(string? value)
    {
        if (value is null)
        {
            return @"\N";
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '\\' => @"\\",
                '\t' => @"\t",
                '\n' => @"\n",
                '\r' => @"\r",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static bool NeedsQuotes(string value, string special)
        => value.Length == 0 || value.Any(c => char.IsWhiteSpace(c) || special.Contains(c, StringComparison.Ordinal));

    private static string Quote(string value)
        => "\"" + value.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

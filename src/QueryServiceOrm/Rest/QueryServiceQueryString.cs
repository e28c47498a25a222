namespace QueryServiceOrm.Rest;

/// <summary>A list call's query string: the parameters that have a value, escaped; empty when none has.</summary>
internal static class QueryServiceQueryString
{
    public static string Of(params ReadOnlySpan<(string Name, string? Value)> parameters)
    {
        var parts = new List<string>();
        foreach (var (name, value) in parameters)
        {
            if (value is not null)
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace QueryServiceOrm.Tests.Support;

/// <summary>Writes LINQ results the way psql prints the same values, so the two can be compared as text.</summary>
internal static class RowFormat
{
    public static IReadOnlyList<string?> Row(object? result)
        => result is not null && IsAnonymous(result.GetType())
            ? result.GetType().GetProperties().Select(p => Value(p.GetValue(result))).ToList()
            : [Value(result)];

    public static string? Value(object? value)
        => value switch
        {
            null => null,
            bool b => b ? "t" : "f",
            DateTime t => t.ToString(
                t.TimeOfDay == TimeSpan.Zero && t.Kind == DateTimeKind.Unspecified ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss",
                CultureInfo.InvariantCulture) + (t.Kind == DateTimeKind.Utc ? "+00" : ""),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            string text => text,

            // XDM objects as PostgreSQL's to_json writes them: XDM names, compact, quotes escaped with a backslash.
            _ => JsonSerializer.Serialize(value, Xdm),
        };

    private static readonly JsonSerializerOptions Xdm = new(QueryServiceOrm.Xdm.XdmNames.Json)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping
    };

    private static bool IsAnonymous(Type type)
        => type.IsDefined(typeof(CompilerGeneratedAttribute), false) && type.Name.Contains("AnonymousType", StringComparison.Ordinal);
}

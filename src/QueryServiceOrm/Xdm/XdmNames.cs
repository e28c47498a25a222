using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QueryServiceOrm.Xdm;

/// <summary>
/// The XDM field name of a C# property: its <see cref="JsonPropertyNameAttribute"/> when it has one (for names C#
/// cannot use or spells differently: <c>URL</c>, <c>_luma</c>, <c>1stVisit</c>), otherwise the property name in camelCase.
/// The JSON read path and the SQL paths use the same rule, so they always agree.
/// </summary>
public static class XdmNames
{
    /// <summary>Serializer options that read and write XDM objects by the same names.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new UtcDateTimeConverter() },
    };

    // XDM timestamps are UTC; PostgreSQL writes them with +00:00, which System.Text.Json would turn into local time.
    private sealed class UtcDateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => DateTime.Parse(reader.GetString()!, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
            => writer.WriteStringValue(value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime());
    }

    /// <summary>The XDM name of a property.</summary>
    /// <param name="property">The property.</param>
    public static string Of(MemberInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
    }
}

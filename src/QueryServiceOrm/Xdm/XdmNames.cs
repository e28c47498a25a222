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
            => writer.WriteStringValue(
                value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime());
    }

    /// <summary>
    /// The fields of an XDM object class: its public properties that can be both read and written (the ones a JSON round
    /// trip keeps), not indexers and not <see cref="JsonIgnoreAttribute"/>d, with their XDM names. Writes and table
    /// definitions use this one list, so a created table and the rows appended to it always agree.
    /// </summary>
    /// <param name="type">The class.</param>
    public static IReadOnlyList<(PropertyInfo Property, string Name)> Fields(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return FieldCache.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0 && !p.IsDefined(typeof(JsonIgnoreAttribute)))
            .Select(p => (p, Of(p)))
            .ToList());
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, IReadOnlyList<(PropertyInfo, string)>> FieldCache
        = new();

    /// <summary>
    /// The element type of an XDM array type (<c>List&lt;T&gt;</c>, <c>T[]</c>, any <c>IEnumerable&lt;T&gt;</c>), or null.
    /// </summary>
    /// <param name="type">The type.</param>
    public static Type? ElementType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type == typeof(string) ? null
            : type.IsArray ? type.GetElementType()
            : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type.GetGenericArguments()[0]
            : type.GetInterfaces()
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                ?.GetGenericArguments()[0];
    }

    /// <summary>The XDM name of a property.</summary>
    /// <param name="property">The property.</param>
    public static string Of(MemberInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
    }
}

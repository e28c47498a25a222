using System.Text.Json;
using System.Text.Json.Serialization;

namespace QueryServiceOrm.Rest;

/// <summary>Reads a flag the API sends as text (a run's <c>externalTrigger</c> is <c>"false"</c>) or as a JSON boolean.</summary>
internal sealed class QueryServiceTextBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType is JsonTokenType.True or JsonTokenType.False
            ? reader.GetBoolean()
            : string.Equals(reader.GetString(), "true", StringComparison.OrdinalIgnoreCase);

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}

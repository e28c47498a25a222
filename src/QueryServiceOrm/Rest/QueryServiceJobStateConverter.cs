using System.Text.Json;
using System.Text.Json.Serialization;

namespace QueryServiceOrm.Rest;

/// <summary>Reads and writes a state as its name.</summary>
internal sealed class QueryServiceJobStateConverter : JsonConverter<QueryServiceJobState>
{
    public override QueryServiceJobState Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => new((reader.GetString() ?? "").ToUpperInvariant());

    public override void Write(Utf8JsonWriter writer, QueryServiceJobState value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Name);
}

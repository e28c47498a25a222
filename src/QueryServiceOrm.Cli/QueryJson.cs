using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Npgsql;

namespace QueryServiceOrm.Cli;

/// <summary>
/// <c>qsorm query --format json</c>: an array of row objects, one a line, each value typed by its column: numbers as the
/// server writes them (so decimals stay exact), booleans, null, and structs, arrays and maps as the JSON the server sends
/// after <see cref="Setup"/>, with their field names. Text is written as readable UTF-8, escaping only what JSON must.
/// </summary>
internal static partial class QueryJson
{
    /// <summary>
    /// Run before the statement: the service then sends structs, arrays and maps as JSON text (its composite text has no
    /// field names), the way the library reads nested values.
    /// </summary>
    public const string Setup = "SET auto_to_json = true";

    private static readonly JsonWriterOptions Options = new() { Encoder = ReadableJsonEncoder.Instance };

    private enum Kind
    {
        Text,
        Number,
        Boolean,
        Json,
    }

    /// <summary>Writes every row; the values are read as text (<c>AllResultTypesAreUnknown</c>).</summary>
    /// <returns>The number of rows.</returns>
    public static async Task<long> WriteAsync(NpgsqlDataReader reader, TextWriter writer, CancellationToken cancellationToken)
    {
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var kinds = Enumerable.Range(0, reader.FieldCount).Select(i => KindOf(reader.GetPostgresType(i).InternalName)).ToArray();
        var buffer = new ArrayBufferWriter<byte>();
        await using var json = new Utf8JsonWriter(buffer, Options);
        await writer.WriteAsync('[');
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            buffer.ResetWrittenCount();
            json.Reset();
            WriteRow(reader, names, kinds, json);
            await writer.WriteAsync((rows++ == 0 ? "\n" : ",\n") + Encoding.UTF8.GetString(buffer.WrittenSpan));
        }

        await writer.WriteLineAsync(rows == 0 ? "]" : "\n]");
        return rows;
    }

    private static Kind KindOf(string postgresType)
        => postgresType switch
        {
            "int2" or "int4" or "int8" or "float4" or "float8" or "numeric" => Kind.Number,
            "bool" => Kind.Boolean,
            "json" or "jsonb" => Kind.Json,
            _ => Kind.Text,
        };

    private static void WriteRow(NpgsqlDataReader reader, string[] names, Kind[] kinds, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        for (var i = 0; i < names.Length; i++)
        {
            json.WritePropertyName(names[i]);
            if (reader.IsDBNull(i))
            {
                json.WriteNullValue();
            }
            else
            {
                WriteValue(reader.GetString(i), kinds[i], json);
            }
        }

        json.WriteEndObject();
        json.Flush();
    }

    // NaN and the infinities are no JSON numbers, and a boolean's text may be neither t nor f: those stay strings.
    private static void WriteValue(string text, Kind kind, Utf8JsonWriter json)
    {
        switch (kind)
        {
            case Kind.Number when JsonNumber().IsMatch(text):
                json.WriteRawValue(text, skipInputValidation: true);
                break;
            case Kind.Boolean when BooleanText(text) is { } value:
                json.WriteBooleanValue(value);
                break;
            case Kind.Json:
                // Parsed and written again, so whatever the server escaped is written readably.
                using (var document = JsonDocument.Parse(text))
                {
                    document.RootElement.WriteTo(json);
                }

                break;
            default:
                json.WriteStringValue(text);
                break;
        }
    }

    private static bool? BooleanText(string text)
        => text.ToLowerInvariant() switch
        {
            "t" or "true" => true,
            "f" or "false" => false,
            _ => null,
        };

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();
}

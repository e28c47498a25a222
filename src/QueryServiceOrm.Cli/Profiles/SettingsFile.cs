using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace QueryServiceOrm.Cli.Profiles;

/// <summary>
/// A JSON settings file qsorm reads credentials from and qsorm doctor writes into (a profile, ./appsettings.json). A file
/// that is not a JSON object is a user error naming the file and the line, never quoting it: the line may hold the token.
/// </summary>
internal static class SettingsFile
{
    public static IConfigurationBuilder AddSettingsFile(this IConfigurationBuilder builder, string path, bool optional)
    {
        if (File.Exists(path))
        {
            ReadObject(path);
        }

        return builder.AddJsonFile(path, optional);
    }

    /// <summary>The file's JSON object, comments and trailing commas allowed as the configuration's JSON reader allows them.</summary>
    /// <exception cref="ArgumentException">The file is not UTF-8 text holding a JSON object.</exception>
    public static JsonObject ReadObject(string path)
    {
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true)
                .GetString(File.ReadAllBytes(path));
            var node = JsonNode.Parse(
                text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return node as JsonObject
                   ?? throw new ArgumentException(
                       $"{path} holds a JSON {(node?.GetValueKind() ?? JsonValueKind.Null).ToString().ToLowerInvariant()}, not an object "
                       + $"with a \"QueryService\" section: fix or delete the file.");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new ArgumentException(
                $"{path} is not valid JSON{where} (the line is not shown: it may hold the token): fix or delete the file.");
        }
        catch (DecoderFallbackException)
        {
            throw new ArgumentException($"{path} is not UTF-8 text: fix or delete the file.");
        }
    }
}

using System.Text.RegularExpressions;

namespace QueryServiceOrm.Sandbox.Rest.Queries;

/// <summary>
/// Fills the <c>$name</c> placeholders of a query's SQL from its <c>queryParameters</c>. Adobe documents the syntax, not how
/// values are written in, so the sandbox writes each value as data and never as SQL text: inside a quoted string it is
/// escaped the way Spark reads strings, inside a back- or double-quoted identifier its quote is doubled, and elsewhere a
/// number stays a number while anything else becomes a quoted string. Placeholders in comments are left alone.
/// </summary>
internal static partial class SqlPlaceholders
{
    private static readonly Dictionary<string, string> Empty = [];

    /// <summary>The SQL with every placeholder filled, or the text of a 400 answer (a value missing or impossible to write).</summary>
    public static (string? Sql, string? Error) Fill(string sql, IReadOnlyDictionary<string, string> values)
    {
        var text = new StringBuilder(sql.Length);
        var quote = '\0';
        var raw = false;
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            if (quote == '\0' && Comment(sql, i) is var end and > 0)
            {
                text.Append(sql, i, end - i);
                i = end - 1;
                continue;
            }

            if (c == '$' && Name().Match(sql, i + 1) is { Success: true } name)
            {
                if (!values.TryGetValue(name.Value, out var value))
                {
                    return (null, $"queryParameters has no value for ${name.Value}, which the SQL uses: add \"{name.Value}\": \"...\" to "
                                  + "queryParameters (a template's own queryParameters are its defaults).");
                }

                if (raw && value.AsSpan().IndexOfAny('\'', '\\') >= 0)
                {
                    return (null, $"The value of ${name.Value} holds a quote or a backslash, which a raw string (r'...') cannot hold: "
                                  + $"write '${name.Value}' without the r.");
                }

                text.Append(Write(value, quote, raw));
                i += name.Length;
                continue;
            }

            text.Append(c);
            if (quote == '\0' && c is '\'' or '`' or '"')
            {
                quote = c;
                raw = c == '\'' && i > 0 && sql[i - 1] is 'r' or 'R' && (i < 2 || !IsWordChar(sql[i - 2]));
            }
            else if (quote == '\'' && c == '\\' && i + 1 < sql.Length)
            {
                // A backslash escapes the next character, in raw strings too: an escaped quote never ends a string.
                text.Append(sql[++i]);
            }
            else if (c == quote)
            {
                quote = '\0';
            }
        }

        return (text.ToString(), null);
    }

    /// <summary>
    /// The values a query's placeholders take: a template's defaults overridden by the query's own. A key may be written with
    /// its <c>$</c> (as in older versions of Adobe's samples) or without it.
    /// </summary>
    public static Dictionary<string, string> Values(
        IReadOnlyDictionary<string, string>? defaults, IReadOnlyDictionary<string, string>? overrides)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in (defaults ?? Empty).Concat(overrides ?? Empty))
        {
            values[key.StartsWith('$') ? key[1..] : key] = value;
        }

        return values;
    }

    // Where a comment that starts at i ends (its end, exclusive), or 0. Spark's bracketed comments nest.
    private static int Comment(string sql, int i)
    {
        if (string.CompareOrdinal(sql, i, "--", 0, 2) == 0)
        {
            var newline = sql.IndexOf('\n', i);
            return newline < 0 ? sql.Length : newline;
        }

        if (string.CompareOrdinal(sql, i, "/*", 0, 2) != 0)
        {
            return 0;
        }

        var depth = 0;
        for (var j = i; j < sql.Length - 1; j++)
        {
            if (sql[j] == '/' && sql[j + 1] == '*')
            {
                depth++;
                j++;
            }
            else if (sql[j] == '*' && sql[j + 1] == '/' && --depth == 0)
            {
                return j + 2;
            }
        }

        return sql.Length;
    }

    private static string Write(string value, char quote, bool raw)
        => quote switch
        {
            '\'' when raw => value,
            '\'' => value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("'", @"\'", StringComparison.Ordinal),
            '`' or '"' => value.Replace(quote.ToString(), new string(quote, 2), StringComparison.Ordinal),
            _ when Number().IsMatch(value) => value[0] is '-' or '+' ? $"({value})" : value,
            _ => "'" + Write(value, '\'', raw: false) + "'",
        };

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    [GeneratedRegex(@"\G[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Name();

    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")]
    private static partial Regex Number();
}

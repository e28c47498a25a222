namespace QueryServiceOrm.Sandbox.Sql.Translation.Functions;

/// <summary>
/// Spark's datetime patterns (Java's DateTimeFormatter letters: <c>yyyy-MM-dd HH:mm:ss.SSS</c>) as PostgreSQL's to_char and
/// to_timestamp patterns. Literal text is double-quoted, since PostgreSQL reads many letters as fields; times are in UTC, so
/// zone letters write UTC's names.
/// </summary>
internal static class JavaDateFormat
{
    public static string ToPostgres(string pattern)
    {
        var result = new StringBuilder();
        var literal = new StringBuilder();
        for (var i = 0; i < pattern.Length;)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                i = Quoted(pattern, i, literal);
                continue;
            }

            if (!char.IsAsciiLetter(c))
            {
                literal.Append(c);
                i++;
                continue;
            }

            var run = 1;
            while (i + run < pattern.Length && pattern[i + run] == c)
            {
                run++;
            }

            Flush(result, literal);
            result.Append(Field(c, run, pattern));
            i += run;
        }

        Flush(result, literal);
        return result.ToString();
    }

    // 'text' is literal, '' a quote.
    private static int Quoted(string pattern, int start, StringBuilder literal)
    {
        var i = start + 1;
        if (i < pattern.Length && pattern[i] == '\'')
        {
            literal.Append('\'');
            return i + 1;
        }

        while (i < pattern.Length)
        {
            if (pattern[i] == '\'')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] == '\'')
                {
                    literal.Append('\'');
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            literal.Append(pattern[i++]);
        }

        throw new ServiceErrorException(ServiceRules.Analysis($"Unclosed quote in the datetime pattern '{pattern}'"));
    }

    private static void Flush(StringBuilder result, StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            result.Append('"')
                .Append(literal.ToString().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal))
                .Append('"');
            literal.Clear();
        }
    }

    private static string Field(char letter, int count, string pattern)
        => letter switch
        {
            'y' or 'u' => count == 2 ? "YY" : count >= 4 ? "YYYY" : "FMYYYY",
            'M' or 'L' => count switch { 1 => "FMMM", 2 => "MM", 3 => "Mon", _ => "FMMonth" },
            'd' => count == 1 ? "FMDD" : "DD",
            'D' => count == 1 ? "FMDDD" : "DDD",
            'H' => count == 1 ? "FMHH24" : "HH24",
            'h' => count == 1 ? "FMHH12" : "HH12",
            'm' => count == 1 ? "FMMI" : "MI",
            's' => count == 1 ? "FMSS" : "SS",
            'S' when count <= 6 => "FF" + count,
            'a' => "AM",
            'E' => count <= 3 ? "Dy" : "FMDay",
            'Q' or 'q' => "Q",
            'z' or 'V' => "\"UTC\"",
            'X' => "\"Z\"",
            'x' => count == 1 ? "\"+00\"" : count == 3 ? "\"+00:00\"" : "\"+0000\"",
            'Z' => count <= 3 ? "\"+0000\"" : "\"GMT\"",
            'O' => "\"GMT\"",
            _ => throw new ServiceErrorException(
                ServiceRules.Analysis($"Illegal pattern character '{letter}' in the datetime pattern '{pattern}'")),
        };
}

namespace QueryServiceOrm.Sandbox.Sql.Translation.Functions;

/// <summary>
/// Java's regular expressions (what Spark's RLIKE and regexp functions read) as PostgreSQL's advanced regular expressions:
/// the syntax both share is left as it is; Java's word boundaries (<c>\b</c>, <c>\B</c>, backspace and "not a boundary"
/// in PostgreSQL) become <c>\y</c> and <c>\Y</c>, and <c>\z</c> the end of the text.
/// </summary>
internal static class JavaRegex
{
    public static string ToPostgres(string pattern)
    {
        var result = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '\\' || i + 1 >= pattern.Length)
            {
                result.Append(pattern[i]);
                continue;
            }

            var next = pattern[++i];
            result.Append(next switch
            {
                'b' => @"\y",
                'B' => @"\Y",
                'z' => @"\Z",
                _ => "\\" + next,
            });
        }

        return result.ToString();
    }

    /// <summary>A Java replacement (<c>$1</c> for a group, <c>\$</c> for a dollar) as PostgreSQL's (<c>\1</c>).</summary>
    public static string Replacement(FunctionCall c, int index)
        => c.Constant(index) is { } replacement
            ? PgSql.Literal(ReplacementToPostgres(replacement))
            : PgSql.Call("java_replacement", c.Str(index));

    public static string ReplacementToPostgres(string replacement)
    {
        var result = new StringBuilder(replacement.Length);
        for (var i = 0; i < replacement.Length; i++)
        {
            var c = replacement[i];
            if (c == '\\' && i + 1 < replacement.Length)
            {
                var literal = replacement[++i];
                result.Append(literal == '\\' ? @"\\" : literal.ToString());
            }
            else if (c == '$' && i + 1 < replacement.Length && char.IsAsciiDigit(replacement[i + 1]))
            {
                result.Append('\\').Append(replacement[++i]);
            }
            else
            {
                result.Append(c == '\\' ? @"\\" : c.ToString());
            }
        }

        return result.ToString();
    }
}

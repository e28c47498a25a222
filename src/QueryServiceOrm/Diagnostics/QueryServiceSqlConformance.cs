using System.Text;
using System.Text.RegularExpressions;

namespace QueryServiceOrm.Diagnostics;

/// <summary>
/// Checks a statement against what Query Service documents (../shared reference, sections 2 and 4): no <c>::</c>
/// casts, no writes it lacks (UPDATE, DELETE, MERGE, TRUNCATE, RETURNING), no transaction control, no pg_catalog,
/// no <c>= ANY</c> arrays, no <c>#</c> anywhere (the service reads <c>#name</c> as a saved template), and no
/// <c>LIMIT 0</c> unless every row was asked for. Keywords inside string literals, quoted identifiers and
/// comments do not count. Use it in tests over the statements your application sends.
/// </summary>
public static partial class QueryServiceSqlConformance
{
    /// <summary>The rules a statement breaks, empty when it conforms.</summary>
    /// <param name="sql">The statement as sent.</param>
    /// <param name="allRowsRequested">Whether the query asked for every row (so <c>LIMIT 0</c> is intended).</param>
    public static IReadOnlyList<string> Violations(string sql, bool allRowsRequested = false)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var violations = new List<string>();
        if (sql.Contains('#', StringComparison.Ordinal))
        {
            violations.Add("'#' (the service replaces #name with a saved template)");
        }

        var code = CodeOnly(sql);
        if (code.Contains("::", StringComparison.Ordinal))
        {
            violations.Add("'::' cast (use CAST(x AS type))");
        }

        foreach (Match keyword in Forbidden().Matches(code))
        {
            violations.Add($"{keyword.Value.ToUpperInvariant()} (not supported by the service)");
        }

        if (code.Contains("pg_catalog", StringComparison.OrdinalIgnoreCase))
        {
            violations.Add("pg_catalog (its coverage on the service is undocumented)");
        }

        if (InsertValues().IsMatch(code))
        {
            violations.Add("INSERT ... VALUES (not in the service's grammar: INSERT INTO t SELECT ...)");
        }

        if (InsertOverwrite().IsMatch(code))
        {
            violations.Add("INSERT OVERWRITE (not supported by the service)");
        }

        if (AnyArray().IsMatch(code))
        {
            violations.Add("= ANY(array) (use an IN list)");
        }

        if (!allRowsRequested && LimitZero().IsMatch(code))
        {
            violations.Add("LIMIT 0 (on the service it returns every row, not none)");
        }

        return violations;
    }

    // Blanks out string literals (Spark rules: backslash escapes), quoted identifiers and comments.
    private static string CodeOnly(string sql)
    {
        var builder = new StringBuilder(sql.Length);
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            if (c is '\'' or '"' or '`')
            {
                var quote = c;
                for (i++; i < sql.Length && sql[i] != quote; i++)
                {
                    if (sql[i] == '\\' && quote == '\'')
                    {
                        i++;
                    }
                }

                builder.Append(" ? ");
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                while (i < sql.Length && sql[i] != '\n')
                {
                    i++;
                }

                builder.Append('\n');
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 1;
                builder.Append(' ');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\b(RETURNING|UPDATE|DELETE|MERGE|TRUNCATE|BEGIN|COMMIT|ROLLBACK|SAVEPOINT)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Forbidden();

    // VALUES right after the target and its column list; an inline table in the SELECT (FROM VALUES ...) is Spark's grammar.
    [GeneratedRegex(@"\bINSERT\s+(?:INTO\s+)?[^\s(]+\s*(?:\([^()]*\)\s*)?VALUES\b", RegexOptions.IgnoreCase)]
    private static partial Regex InsertValues();

    [GeneratedRegex(@"\bINSERT\s+OVERWRITE\b", RegexOptions.IgnoreCase)]
    private static partial Regex InsertOverwrite();

    [GeneratedRegex(@"=\s*ANY\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex AnyArray();

    [GeneratedRegex(@"\bLIMIT\s+0\b", RegexOptions.IgnoreCase)]
    private static partial Regex LimitZero();
}

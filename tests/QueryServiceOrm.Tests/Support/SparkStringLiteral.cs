using System.Text;

namespace QueryServiceOrm.Tests.Support;

/// <summary>Spark SQL's reading of a single-quoted literal, for the escapes this library writes.</summary>
internal static class SparkStringLiteral
{
    public static string Decode(string literal)
    {
        Assert.That(literal, Does.StartWith("'").And.EndWith("'"));
        var body = literal[1..^1];
        var text = new StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            Assert.That(c, Is.Not.EqualTo('\''), "an unescaped quote would end the literal");
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            var next = body[++i];
            if (next == 'u')
            {
                text.Append((char)int.Parse(body.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 4;
            }
            else
            {
                Assert.Fail($"unexpected escape \\{next}: the library writes only \\uXXXX escapes");
            }
        }

        return text.ToString();
    }
}

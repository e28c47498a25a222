namespace QueryServiceOrm.Sandbox;

/// <summary>
/// Reads psql's --csv output: quoted fields may hold commas, quotes (doubled) and newlines. psql prints NULL and the
/// empty string alike, so it is told to print NULL as <see cref="NullMarker"/>.
/// </summary>
internal static class PsqlCsv
{
    public const string NullMarker = "\u2400";

    public static IReadOnlyList<IReadOnlyList<string?>> Parse(string text)
    {
        var rows = new List<IReadOnlyList<string?>>();
        var row = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0 && !quoted)
            {
                quoted = true;
                for (i++; i < text.Length; i++)
                {
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i++;
                        }
                        else
                        {
                            break;
                        }
                    }
                    else
                    {
                        field.Append(text[i]);
                    }
                }

                i++;
                continue;
            }

            if (c is ',' or '\n')
            {
                row.Add(!quoted && field.ToString() == NullMarker ? null : field.ToString());
                field.Clear();
                quoted = false;
                if (c == '\n')
                {
                    rows.Add(row);
                    row = [];
                }
            }
            else if (c != '\r')
            {
                field.Append(c);
            }

            i++;
        }

        return rows;
    }
}

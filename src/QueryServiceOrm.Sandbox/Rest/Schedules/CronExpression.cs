namespace QueryServiceOrm.Sandbox.Rest.Schedules;

/// <summary>
/// Checks a schedule's cron expression as the service reads it: five fields (minute, hour, day of month, month, day of
/// week) of values, names (<c>JAN</c>, <c>MON</c>), ranges, lists and steps, or one of Adobe's shorthands
/// (<c>@once</c>, <c>@hourly</c>, ...). The sandbox only checks it: it never fires runs on it.
/// </summary>
internal static class CronExpression
{
    private const string Example = "e.g. \"30 * * * *\" (minute hour day-of-month month day-of-week) or @once, @hourly, @daily, "
        + "@weekly, @monthly, @yearly";

    private static readonly string[] Shorthands = ["@once", "@hourly", "@daily", "@weekly", "@monthly", "@yearly"];

    private static readonly CronField[] Fields =
    [
        new("minute", 0, 59, []),
        new("hour", 0, 23, []),
        new("day of month", 1, 31, []),
        new("month", 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        new("day of week", 0, 7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]),
    ];

    /// <summary>Null when the expression is valid, else the text of a 400 answer that says what is wrong.</summary>
    public static string? Check(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return $"schedule.schedule is required: a cron expression, {Example}.";
        }

        if (expression.StartsWith('@'))
        {
            return Shorthands.Contains(expression, StringComparer.Ordinal)
                ? null
                : $"schedule.schedule '{expression}' is not a shorthand the service knows: use {Example}.";
        }

        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != Fields.Length)
        {
            return $"schedule.schedule '{expression}' is not a cron expression: it has {fields.Length} fields, not 5; {Example}.";
        }

        var wrong = Fields.Zip(fields).FirstOrDefault(f => !f.First.Accepts(f.Second));
        return wrong == default
            ? null
            : $"schedule.schedule '{expression}': the {wrong.First.Name} field '{wrong.Second}' is not valid "
              + $"(values {wrong.First.Min}-{wrong.First.Max}, *, ranges a-b, lists a,b and steps */n); {Example}.";
    }

    private sealed record CronField(string Name, int Min, int Max, string[] Names)
    {
        public bool Accepts(string field) => field.Split(',').All(AcceptsPart);

        // One part of a list: *, a value or a range a-b, each optionally stepped by /n.
        private bool AcceptsPart(string part)
        {
            var stepped = part.Split('/');
            if (stepped.Length > 2 || (stepped.Length == 2 && Number(stepped[1]) is not > 0))
            {
                return false;
            }

            if (stepped[0] == "*")
            {
                return true;
            }

            var bounds = stepped[0].Split('-').Select(Value).ToList();
            return bounds.Count <= 2 && bounds.All(b => b is not null) && bounds[0] <= bounds[^1];
        }

        private int? Value(string text)
        {
            var named = Array.FindIndex(Names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
            var value = named >= 0 ? Min + named : Number(text);
            return value >= Min && value <= Max ? value : null;
        }

        private static int? Number(string text)
            => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}

namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>The generator functions: they make rows, and are translated into lateral subqueries wherever they appear.</summary>
internal static class Generators
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "explode", "explode_outer", "posexplode", "posexplode_outer", "inline", "inline_outer", "stack", "json_tuple", "range",
        "history_meta",
    };

    public static bool IsGenerator(string name) => Names.Contains(name);

    public static bool IsOuter(string name) => name.EndsWith("_outer", StringComparison.OrdinalIgnoreCase);
}

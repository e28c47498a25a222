namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>A name as written: its text and whether it was quoted (back quotes or double quotes).</summary>
/// <param name="Value">The name.</param>
/// <param name="Quoted">Whether it was quoted.</param>
internal sealed record Identifier(string Value, bool Quoted)
{
    public bool Is(string name) => string.Equals(Value, name, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Value;
}

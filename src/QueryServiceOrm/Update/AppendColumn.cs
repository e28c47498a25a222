namespace QueryServiceOrm.Update;

/// <summary>A column an append writes: its name and the type mapping that turns values into SQL.</summary>
/// <param name="Name">The column name.</param>
/// <param name="TypeMapping">Its type mapping.</param>
internal sealed record AppendColumn(string Name, RelationalTypeMapping TypeMapping);

namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>A node of a statement, with where it starts in the text (for error messages).</summary>
internal abstract record Node
{
    public int Position { get; init; }
}

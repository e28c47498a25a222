namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>A statement.</summary>
internal abstract record Statement : Node;

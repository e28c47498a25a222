namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>SET @v = SELECT ...</c> in an anonymous block.</summary>
internal sealed record SetVariableStatement(string Name, SqlQuery Query) : Statement;

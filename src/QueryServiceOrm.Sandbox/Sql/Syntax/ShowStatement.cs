namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>SHOW TABLES|DATABASES|SCHEMAS|VIEWS|ALL|name</c>.</summary>
internal sealed record ShowStatement(string What) : Statement;

namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>A statement the service knows and the sandbox does not run, kept for the refusal's message.</summary>
internal sealed record UnsupportedStatement(string Kind) : Statement;

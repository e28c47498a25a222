namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>PostgreSQL for the backend.</summary>
/// <param name="Sql">The translated text.</param>
internal sealed record BackendStatement(string Sql) : FrontStatement;

namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary><c>SET key = value</c> (a null value is <c>SET key</c>, which shows it); <c>RESET key</c> when Reset.</summary>
internal sealed record SetStatement(string Key, string? Value, bool Reset) : Statement;

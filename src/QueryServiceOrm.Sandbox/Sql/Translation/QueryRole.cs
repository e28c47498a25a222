namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>What a query's result is for: the client (the row cap and auto_to_json apply), a table (INSERT, CTAS), or an
/// enclosing query.</summary>
internal enum QueryRole
{
    Nested,
    Client,
    Write,
}

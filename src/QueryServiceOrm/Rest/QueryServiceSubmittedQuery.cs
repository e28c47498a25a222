namespace QueryServiceOrm.Rest;

/// <summary>The submitted query, as the API echoes it.</summary>
/// <param name="DbName">The database.</param>
/// <param name="Sql">The SQL.</param>
/// <param name="Name">The name.</param>
/// <param name="Description">The description.</param>
public sealed record QueryServiceSubmittedQuery(string? DbName, string? Sql, string? Name, string? Description);

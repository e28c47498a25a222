namespace QueryServiceOrm.Storage;

/// <summary>
/// One row of <see cref="StoreTypes"/>: a scalar type under every name PostgreSQL and the service give it, and what each
/// part of the library writes for it.
/// </summary>
/// <param name="Names">Its names in PostgreSQL's catalog, Npgsql's mappings and the service's metadata (lower case).</param>
/// <param name="Cast">Spark's name of it in <c>CAST(x AS t)</c>, or null when the service has none.</param>
/// <param name="Scaffolded">The C# type a scaffolded property of it has.</param>
/// <param name="ClrTypes">The C# types stored in it by CREATE TABLE and ALTER TABLE ADD COLUMN.</param>
/// <param name="CreateColumn">Its column type in CREATE TABLE (from the types the service documents), or null.</param>
/// <param name="AddColumn">Its column type in ALTER TABLE ADD COLUMN (the service's shorter list), or null.</param>
internal sealed record StoreType(
    string[] Names, string? Cast, string Scaffolded, Type[] ClrTypes, string? CreateColumn = null, string? AddColumn = null);

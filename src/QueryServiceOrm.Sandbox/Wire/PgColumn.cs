namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>A column of a result the front answers itself.</summary>
/// <param name="Name">The column name.</param>
/// <param name="TypeOid">The PostgreSQL type oid (25 for text, 16 boolean, 20 bigint, 701 double precision).</param>
internal sealed record PgColumn(string Name, int TypeOid = PgOids.Text);

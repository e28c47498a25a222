using Microsoft.EntityFrameworkCore.Scaffolding.Metadata;

namespace QueryServiceOrm.Scaffolding;

/// <summary>What one read of the catalog found.</summary>
/// <param name="Model">The model EF's scaffolder gets (nested columns as JSON text).</param>
/// <param name="ColumnTypes">The structure of every column, by table and column name, nested fields included.</param>
/// <param name="RoundTrips">The statements the read sent to the server.</param>
internal sealed record CatalogReading(
    DatabaseModel Model, IReadOnlyDictionary<(string Table, string Column), XdmColumnType> ColumnTypes, int RoundTrips);

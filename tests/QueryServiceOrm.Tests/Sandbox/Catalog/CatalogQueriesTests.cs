namespace QueryServiceOrm.Tests.Sandbox.Catalog;

/// <summary>PostgreSQL catalog queries through the front keep the service's meaning of a final LIMIT 0: every row.</summary>
public sealed class CatalogQueriesTests
{
    [TestCase("", 2)]
    [TestCase(" LIMIT 0", 2)]
    [TestCase(" LIMIT 1", 1)]
    public async Task A_final_limit_zero_asks_for_every_row(string limit, int expected)
    {
        var sandbox = await XdmData.SeedAsync();
        await using var connection = new NpgsqlConnection(sandbox.ConnectionString("catalog-limit"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_catalog.pg_class c WHERE c.relname IN ('xdm_flat', 'xdm_events')" + limit, connection);
        var rows = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows++;
            }
        }

        Assert.That(rows, Is.EqualTo(expected));
    }
}

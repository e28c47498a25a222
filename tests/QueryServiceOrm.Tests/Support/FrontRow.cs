namespace QueryServiceOrm.Tests.Support;

/// <summary>One statement's only row through the shared sandbox's front, by Npgsql, every value as the text the front sends.</summary>
internal static class FrontRow
{
    public static async Task<string?[]> ReadAsync(string sql, string applicationName)
    {
        var sandbox = await SharedSandbox.GetAsync();
        await using var connection = new NpgsqlConnection(sandbox.ConnectionString(applicationName));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { AllResultTypesAreUnknown = true };
        await using var reader = await command.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True, "a row");
        var row = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i)).ToArray();
        Assert.That(await reader.ReadAsync(), Is.False, "one row");
        return row;
    }
}

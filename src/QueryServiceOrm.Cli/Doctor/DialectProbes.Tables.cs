using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Cli.Doctor;

/// <summary>The probes that need a table: INSERT ... VALUES, and the width Spark gives a <c>float</c> column.</summary>
internal sealed partial class DialectProbes
{
    // Created here, dropped in the finally block whatever happens (a refusal, a timeout, the user's Ctrl+C).
    private async Task<QueryServiceDialect> WithScratchTableAsync(QueryServiceDialect dialect, CancellationToken cancellationToken)
    {
        var table = ScratchTable.NewName();
        await using var scratch = new ScratchTable(session, errors);
        var created = await scratch.CreateAsync(table, "f float", cancellationToken);
        if (!created.Accepted)
        {
            await LineAsync(
                "scratch table",
                $"CREATE TABLE {table} (f float) {created.Refusal}: INSERT ... VALUES and the width of float are not probed");
            return dialect;
        }

        await InsertValuesAsync(table, cancellationToken);
        return await FloatWidthAsync(dialect, scratch, table, cancellationToken);
    }

    private async Task InsertValuesAsync(string table, CancellationToken cancellationToken)
    {
        var answer = await session.RunAsync($"INSERT INTO {table} VALUES (CAST('2' AS double))", cancellationToken);
        await LineAsync("INSERT ... VALUES", $"{(answer.Accepted ? "accepted" : answer.Refusal)} (not used by the library: it appends with "
            + "INSERT INTO t (cols) SELECT * FROM (VALUES ...) AS v(...) either way)");
    }

    // Adobe documents float for CREATE TABLE; Spark stores float in 4 bytes, which 0.1 read back shows.
    private async Task<QueryServiceDialect> FloatWidthAsync(
        QueryServiceDialect dialect, ScratchTable scratch, string table, CancellationToken cancellationToken)
    {
        var inserted = await session.RunAsync(
            $"INSERT INTO {table} (f) SELECT * FROM (VALUES (CAST('0.1' AS double))) AS v(c0)", cancellationToken);
        var read = inserted.Accepted
            ? await session.RunAsync($"SELECT CAST(f AS double) FROM {table} WHERE f < 1", cancellationToken)
            : inserted;
        var stored = read.Values is [IConvertible value] ? value.ToDouble(CultureInfo.InvariantCulture) : (double?)null;
        if (stored == 0.1)
        {
            await LineAsync(
                "width of float", "0.1 reads back exactly (8 bytes) -> DoubleColumnType=Float (the documented form loses nothing)");
            return dialect with { DoubleColumnType = QueryServiceDoubleColumnType.Float };
        }

        if (stored != (float)0.1)
        {
            await LineAsync(
                "width of float",
                $"0.1 {(read.Accepted ? "reads back as " + read.Shown : read.Refusal)} -> DoubleColumnType=Float (the documented form)");
            return dialect;
        }

        var doubleTable = ScratchTable.NewName();
        var accepted = (await scratch.CreateAsync(doubleTable, "f double", cancellationToken)) is { Accepted: true };
        await LineAsync(
            "width of float",
            $"0.1 reads back as {read.Shown} (4 bytes); CREATE TABLE (f double) {(accepted ? "accepted" : "refused")} -> DoubleColumnType="
            + (accepted ? "Double" : "Float"));
        return dialect with { DoubleColumnType = accepted ? QueryServiceDoubleColumnType.Double : QueryServiceDoubleColumnType.Float };
    }
}

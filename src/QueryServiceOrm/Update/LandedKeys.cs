using System.Data.Common;
using QueryServiceOrm.Storage;

namespace QueryServiceOrm.Update;

/// <summary>
/// Asks a table which keys of an append statement whose outcome is unknown it holds, in one read:
/// <c>SELECT DISTINCT k FROM t WHERE k IN (...)</c>. The list holds the keys of that one statement, so the bounds that kept
/// it within the service's limits (rows, length, parameters) keep this read within them too, and DISTINCT keeps the
/// result within the list.
/// </summary>
internal static class LandedKeys
{
    /// <summary>The keys, among <paramref name="keys"/>, that the table holds.</summary>
    /// <param name="context">The context to read with.</param>
    /// <param name="key">The table and its key column.</param>
    /// <param name="keys">The key values (model values, none null) of the uncertain statement.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The keys found, compared as EF compares the key property's values.</returns>
    public static async Task<IReadOnlySet<object>> FindAsync(
        DbContext context, ResumeKey key, IEnumerable<object> keys, CancellationToken cancellationToken)
    {
        var comparer = key.Property.GetKeyValueComparer();
        var landed = new HashSet<object>(EqualityComparer<object>.Create((a, b) => comparer.Equals(a, b), comparer.GetHashCode));
        var distinct = keys.Distinct(landed.Comparer).ToList();
        if (distinct.Count == 0)
        {
            return landed;
        }

        var helper = context.GetService<ISqlGenerationHelper>();
        var mapping = (RelationalTypeMapping)key.Property.GetTypeMapping();
        var values = new StatementValues(context.GetService<SqlDialect>());
        var column = new AppendColumn(key.Column, mapping);
        var delimited = helper.DelimitIdentifier(key.Column);
        // LIMIT 0 lifts the service's row cap: the result is bounded by the list, whatever the configured batch size.
        var sql = $"SELECT DISTINCT {delimited} FROM {helper.DelimitIdentifier(key.Table, key.Schema)} WHERE {delimited} IN ("
                  + string.Join(", ", distinct.Select(k => values.Write(column, k))) + ")\n" + SqlDialect.UncappedLimitClause;
        var command = values.ToCommand(sql, context.GetService<IRelationalCommandBuilderFactory>(), helper, out var parameterValues);
        var read = ReadMethod(mapping);
        var found = await context.Database.CreateExecutionStrategy().ExecuteAsync(
            (command, parameterValues),
            async (db, state, ct) =>
            {
                var rows = new List<object>();
                await using var reader = await state.command.ExecuteReaderAsync(
                    new RelationalCommandParameterObject(
                        db.GetService<IRelationalConnection>(), state.parameterValues, null, db,
                        db.GetService<IRelationalCommandDiagnosticsLogger>(), CommandSource.FromSqlQuery),
                    ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    var provider = read.Invoke(reader.DbDataReader, [0])!;
                    rows.Add(mapping.Converter?.ConvertFromProvider(provider) ?? provider);
                }

                return rows;
            },
            null,
            cancellationToken).ConfigureAwait(false);
        landed.UnionWith(found);
        return landed;
    }

    // The key column read as EF reads the property: its provider type, then the converter back to the model type.
    private static System.Reflection.MethodInfo ReadMethod(RelationalTypeMapping mapping)
    {
        var providerType = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        return typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!
            .MakeGenericMethod(Nullable.GetUnderlyingType(providerType) ?? providerType);
    }
}

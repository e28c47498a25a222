using System.Text.RegularExpressions;

namespace QueryServiceOrm.Storage;

/// <summary>
/// Table names: those the library writes into statements it builds (DROP TABLE, INSERT INTO, CTAS), and the table list it reads.
/// </summary>
internal static partial class TableNames
{
    /// <summary>Returns the name when it is <c>name</c> or <c>schema.name</c> of letters, digits and underscores.</summary>
    /// <param name="table">The name.</param>
    /// <param name="parameter">The argument it came from.</param>
    /// <param name="newTable">Whether the table is to be created (the service refuses double underscores in new tables).</param>
    public static string Validate(string table, string parameter, bool newTable = false)
        => (table ?? throw new ArgumentNullException(parameter)) is var name
           && Pattern().IsMatch(name)
           && !(newTable && name.Contains("__", StringComparison.Ordinal))
            ? name
            : throw new ArgumentException(
                $"'{table}' is not a table name this library writes: use letters, digits and underscores (name or schema.name)"
                + (newTable ? ", without double underscores (the service refuses them in new tables)." : "."),
                parameter);

    /// <summary>The validated name, each part delimited.</summary>
    public static string Delimit(string table, ISqlGenerationHelper sqlGenerationHelper)
        => string.Join(".", table.Split('.').Select(part => sqlGenerationHelper.DelimitIdentifier(part)));

    /// <summary>The names a table-list statement (the dialect's <c>TableNamesSql</c>) returns in its first column.</summary>
    public static IReadOnlyList<string> Read(IRelationalCommand command, RelationalCommandParameterObject parameters)
    {
        using var reader = command.ExecuteReader(parameters);
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.DbDataReader.GetString(0));
        }

        return names;
    }

    /// <inheritdoc cref="Read"/>
    public static async Task<IReadOnlyList<string>> ReadAsync(
        IRelationalCommand command, RelationalCommandParameterObject parameters, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(parameters, cancellationToken).ConfigureAwait(false);
        var names = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            names.Add(reader.DbDataReader.GetString(0));
        }

        return names;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?$")]
    private static partial Regex Pattern();
}

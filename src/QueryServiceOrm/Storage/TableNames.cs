using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace QueryServiceOrm.Storage;

/// <summary>Table names the library writes into statements it builds (DROP TABLE, INSERT INTO, CTAS).</summary>
internal static partial class TableNames
{
    /// <summary>Returns the name when it is <c>name</c> or <c>schema.name</c> of letters, digits and underscores.</summary>
    /// <param name="table">The name.</param>
    /// <param name="parameter">The argument it came from.</param>
    /// <param name="newTable">Whether the table is to be created (the service refuses double underscores in new tables).</param>
    public static string Validate(string table, string parameter, bool newTable = false)
        => (table ?? throw new ArgumentNullException(parameter)) is var name && Pattern().IsMatch(name) && !(newTable && name.Contains("__", StringComparison.Ordinal))
            ? name
            : throw new ArgumentException(
                $"'{table}' is not a table name this library writes: use letters, digits and underscores (name or schema.name)"
                + (newTable ? ", without double underscores (the service refuses them in new tables)." : "."),
                parameter);

    /// <summary>The validated name, each part delimited.</summary>
    public static string Delimit(string table, ISqlGenerationHelper sqlGenerationHelper)
        => string.Join(".", table.Split('.').Select(part => sqlGenerationHelper.DelimitIdentifier(part)));

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?$")]
    private static partial Regex Pattern();
}

using System.Text.Json;

namespace QueryServiceOrm.Query;

/// <summary>
/// Where the rows of a query go instead of to the client: appended to a table (<c>INSERT INTO t (cols) SELECT ...</c>) or
/// into a new one (<c>CREATE TABLE t AS SELECT ...</c>). It travels to the SQL generator as a query tag in the query tree,
/// which the generator reads and does not write into the statement.
/// </summary>
/// <param name="CreateTable">Whether the table is created from the query (CTAS) rather than appended to.</param>
/// <param name="Table">The table name, validated (<c>name</c> or <c>schema.name</c>).</param>
internal sealed record QueryWriteTarget(bool CreateTable, string Table)
{
    private const string Prefix = "QueryServiceOrm:Write ";

    /// <summary>Column names by projected member name, for a target entity whose columns differ from its property names.</summary>
    public Dictionary<string, string>? ColumnNames { get; init; }

    /// <summary>The XDM schema title of a CTAS (<c>WITH (schema='...')</c>).</summary>
    public string? XdmSchema { get; init; }

    /// <summary>The label of a CTAS (<c>WITH (label='PROFILE')</c>).</summary>
    public string? Label { get; init; }

    /// <summary>Row validation of a CTAS (<c>WITH (rowvalidation='false')</c>).</summary>
    public bool? RowValidation { get; init; }

    /// <summary>The query tag carrying this target.</summary>
    /// <remarks>Base64, so that no name or title can put a quote, a newline or a <c>#</c> into the statement's comment.</remarks>
    public string ToTag() => Prefix + Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this));

    /// <summary>The target carried by a query's tags, if any.</summary>
    public static QueryWriteTarget? From(IEnumerable<string> tags)
        => tags.FirstOrDefault(t => t.StartsWith(Prefix, StringComparison.Ordinal)) is { } tag
            ? JsonSerializer.Deserialize<QueryWriteTarget>(Convert.FromBase64String(tag[Prefix.Length..]))
            : null;

}

namespace QueryServiceOrm.Query;

/// <summary>
/// Where the rows of a query go instead of to the client: appended to a table (<c>INSERT INTO t (cols) SELECT ...</c>) or
/// into a new one (<c>CREATE TABLE t AS SELECT ...</c>). It travels in the query tree: a constant of the write operator
/// (<see cref="QueryWriteOperators"/>), then a <see cref="QueryWriteExpression"/> the SQL generator reads.
/// </summary>
/// <param name="CreateTable">Whether the table is created from the query (CTAS) rather than appended to.</param>
/// <param name="Table">The table name, validated (<c>name</c> or <c>schema.name</c>).</param>
internal sealed record QueryWriteTarget(bool CreateTable, string Table)
{
    /// <summary>Column names by projected member name, for a target entity whose columns differ from its property names.</summary>
    public Dictionary<string, string>? ColumnNames { get; init; }

    /// <summary>The XDM schema title of a CTAS (<c>WITH (schema='...')</c>).</summary>
    public string? XdmSchema { get; init; }

    /// <summary>The label of a CTAS (<c>WITH (label='PROFILE')</c>).</summary>
    public string? Label { get; init; }

    /// <summary>Row validation of a CTAS (<c>WITH (rowvalidation='false')</c>).</summary>
    public bool? RowValidation { get; init; }

    // Value equality over the column names too: the target is a constant of the query tree, so it is part of the key of
    // EF's compiled-query cache, and an equal target must find the compiled query.
    public bool Equals(QueryWriteTarget? other)
        => other is not null
           && CreateTable == other.CreateTable && Table == other.Table && XdmSchema == other.XdmSchema && Label == other.Label
           && RowValidation == other.RowValidation && SameColumnNames(ColumnNames, other.ColumnNames);

    public override int GetHashCode() => HashCode.Combine(CreateTable, Table, XdmSchema, Label, RowValidation, ColumnNames?.Count);

    private static bool SameColumnNames(Dictionary<string, string>? left, Dictionary<string, string>? right)
        => left is null || right is null
            ? left == right
            : left.Count == right.Count && left.All(pair => right.TryGetValue(pair.Key, out var column) && column == pair.Value);
}

using System.Text.RegularExpressions;

namespace QueryServiceOrm.Update;

/// <summary>The options of a table created from a query (CTAS): <c>CREATE TABLE t WITH (...) AS SELECT ...</c>.</summary>
public sealed partial class QueryServiceCreateTableBuilder
{
    internal string? XdmSchema { get; private set; }

    internal string? DatasetLabel { get; private set; }

    internal bool? RowValidationEnabled { get; private set; }

    /// <summary>Creates the dataset under an existing XDM schema, by its title (<c>schema='title'</c>).</summary>
    /// <param name="title">The XDM schema title.</param>
    public QueryServiceCreateTableBuilder Schema(string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        XdmSchema = title;
        return this;
    }

    /// <summary>Labels the dataset (<c>label='PROFILE'</c> makes it a profile dataset).</summary>
    /// <param name="label">The label, letters and underscores.</param>
    public QueryServiceCreateTableBuilder Label(string label)
    {
        DatasetLabel = label is not null && LabelPattern().IsMatch(label)
            ? label.ToUpperInvariant()
            : throw new ArgumentException(
                $"'{label}' is not a dataset label: use letters and underscores, such as PROFILE.", nameof(label));
        return this;
    }

    /// <summary>Turns the service's row validation on or off (<c>rowvalidation='false'</c>).</summary>
    /// <param name="enabled">Whether rows are validated against the schema.</param>
    public QueryServiceCreateTableBuilder RowValidation(bool enabled)
    {
        RowValidationEnabled = enabled;
        return this;
    }

    [GeneratedRegex("^[A-Za-z_]+$")]
    private static partial Regex LabelPattern();
}

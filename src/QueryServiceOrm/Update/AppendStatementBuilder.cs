using System.Text;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Storage;

namespace QueryServiceOrm.Update;

/// <summary>
/// Builds one append statement, <c>INSERT INTO t (cols) SELECT * FROM (VALUES (...), (...)) AS v(c0, c1, ...)</c>, row by row
/// until a row, length or parameter bound of <see cref="QueryServiceAppendOptions"/> is reached. The service's grammar has no
/// INSERT ... VALUES; an inline table is one relation for Spark's parser and analyzer however many rows it holds, where a
/// chain of UNION ALL SELECTs is a tree as deep as its rows.
/// </summary>
internal sealed class AppendStatementBuilder
{
    private readonly QueryServiceAppendOptions _limits;
    private readonly string _suffix;
    private readonly StringBuilder _sql = new();
    private readonly StatementValues _values;

    public AppendStatementBuilder(
        SqlDialect dialect, ISqlGenerationHelper sqlGenerationHelper, QueryServiceAppendOptions limits, string table, string? schema,
        IReadOnlyList<AppendColumn> columns)
    {
        _values = new StatementValues(dialect);
        _limits = limits;
        Columns = columns;
        _sql.Append(
            $"INSERT INTO {sqlGenerationHelper.DelimitIdentifier(table, schema)} "
            + $"({string.Join(", ", columns.Select(c => sqlGenerationHelper.DelimitIdentifier(c.Name)))}) SELECT * FROM (VALUES");
        _suffix = ") AS v("
                  + string.Join(", ", columns.Select((_, i) => "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                  + ")";
    }

    /// <summary>The columns, in the order of each row's values.</summary>
    public IReadOnlyList<AppendColumn> Columns { get; }

    /// <summary>How many rows the statement holds.</summary>
    public int Rows { get; private set; }

    /// <summary>The statement.</summary>
    public string Sql => _sql + _suffix;

    /// <summary>
    /// Whether a reported row count confirms the statement: a server that reports a count must report every row; one
    /// that reports none (-1) is taken at its word.
    /// </summary>
    /// <param name="rowsAffected">What the server reported.</param>
    public bool Confirms(int rowsAffected) => rowsAffected < 0 || rowsAffected == Rows;

    /// <summary>The statement as an EF command, with the values of its parameters.</summary>
    /// <param name="commandBuilderFactory">Creates the command.</param>
    /// <param name="sqlGenerationHelper">Names the parameters.</param>
    /// <param name="parameterValues">The values of the parameters (model values), by name.</param>
    public IRelationalCommand ToCommand(
        IRelationalCommandBuilderFactory commandBuilderFactory,
        ISqlGenerationHelper sqlGenerationHelper,
        out Dictionary<string, object?> parameterValues)
        => _values.ToCommand(Sql, commandBuilderFactory, sqlGenerationHelper, out parameterValues);

    /// <summary>Adds a row unless it would take the statement over a bound; the first row is always taken.</summary>
    /// <param name="values">The row's values (model values, converters not yet applied), in <see cref="Columns"/> order.</param>
    /// <returns>Whether the row was added.</returns>
    public bool TryAdd(IReadOnlyList<object?> values)
    {
        var parameterCount = _values.ParameterCount;
        var row = new StringBuilder(Rows == 0 ? " (" : ", (");
        for (var i = 0; i < Columns.Count; i++)
        {
            row.Append(i == 0 ? "" : ", ").Append(_values.Write(Columns[i], values[i]));
        }

        row.Append(')');
        if (Rows > 0
            && (Rows >= _limits.MaxRows
                || _sql.Length + row.Length + _suffix.Length > _limits.MaxStatementLength
                || _values.ParameterCount > _limits.MaxParameters))
        {
            _values.Truncate(parameterCount);
            return false;
        }

        _sql.Append(row);
        Rows++;
        return true;
    }
}

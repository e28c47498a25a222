using System.Text;
using Microsoft.EntityFrameworkCore.Storage;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Storage;
using QueryServiceOrm.Xdm;

namespace QueryServiceOrm.Update;

/// <summary>
/// Builds one append statement, <c>INSERT INTO t (cols) SELECT * FROM (VALUES (...), (...)) AS v(c0, c1, ...)</c>, row by row
/// until a row, length or parameter bound of <see cref="QueryServiceAppendOptions"/> is reached. The service's grammar has no
/// INSERT ... VALUES; an inline table is one relation for Spark's parser and analyzer however many rows it holds, where a
/// chain of UNION ALL SELECTs is a tree as deep as its rows.
/// </summary>
internal sealed class AppendStatementBuilder
{
    private readonly SqlDialect _dialect;
    private readonly QueryServiceAppendOptions _limits;
    private readonly string _suffix;
    private readonly StringBuilder _sql = new();
    private readonly List<(string Name, object? Value, RelationalTypeMapping TypeMapping)> _parameters = [];

    public AppendStatementBuilder(
        SqlDialect dialect, ISqlGenerationHelper sqlGenerationHelper, QueryServiceAppendOptions limits, string table, string? schema,
        IReadOnlyList<AppendColumn> columns)
    {
        _dialect = dialect;
        _limits = limits;
        Columns = columns;
        _sql.Append($"INSERT INTO {sqlGenerationHelper.DelimitIdentifier(table, schema)} ({string.Join(", ", columns.Select(c => sqlGenerationHelper.DelimitIdentifier(c.Name)))}) SELECT * FROM (VALUES");
        _suffix = $") AS v({string.Join(", ", columns.Select((_, i) => "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
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
        IRelationalCommandBuilderFactory commandBuilderFactory, ISqlGenerationHelper sqlGenerationHelper, out Dictionary<string, object?> parameterValues)
    {
        var builder = commandBuilderFactory.Create().Append(Sql);
        parameterValues = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value, typeMapping) in _parameters)
        {
            builder.AddParameter(name, sqlGenerationHelper.GenerateParameterName(name), typeMapping, nullable: false);
            // The model value: EF's parameter applies the type mapping's converter itself.
            parameterValues[name] = value;
        }

        return builder.Build();
    }

    /// <summary>Adds a row unless it would take the statement over a bound; the first row is always taken.</summary>
    /// <param name="values">The row's values (model values, converters not yet applied), in <see cref="Columns"/> order.</param>
    /// <returns>Whether the row was added.</returns>
    public bool TryAdd(IReadOnlyList<object?> values)
    {
        var parameterCount = _parameters.Count;
        var row = new StringBuilder(Rows == 0 ? " (" : ", (");
        for (var i = 0; i < Columns.Count; i++)
        {
            row.Append(i == 0 ? "" : ", ").Append(Value(Columns[i], values[i]));
        }

        row.Append(')');
        if (Rows > 0
            && (Rows >= _limits.MaxRows
                || _sql.Length + row.Length + _suffix.Length > _limits.MaxStatementLength
                || _parameters.Count > _limits.MaxParameters))
        {
            _parameters.RemoveRange(parameterCount, _parameters.Count - parameterCount);
            return false;
        }

        _sql.Append(row);
        Rows++;
        return true;
    }

    private string Value(AppendColumn column, object? value)
    {
        var mapping = column.TypeMapping;
        if (value is null)
        {
            return _dialect.TypedNull(mapping);
        }

        if (XdmTypeMappings.IsXdm(mapping))
        {
            return _dialect.XdmValueLiteral(value);
        }

        if (_dialect.Switches.ParameterMode == QueryServiceParameterMode.Bind)
        {
            var name = "p" + _parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _parameters.Add((name, value, mapping));
            return "@" + name;
        }

        return _dialect.TryWriteLiteral(value, mapping)
            ?? throw new NotSupportedException(
                $"A value of type {value.GetType().Name} for column '{column.Name}' cannot be written as a Query Service literal; map the property to a string, number, boolean, date or timestamp, or use ParameterMode(Bind).");
    }
}

using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Storage;
using QueryServiceOrm.Xdm;

namespace QueryServiceOrm.Update;

/// <summary>
/// The values a statement the library builds carries: literals of the dialect, or bind parameters in
/// <see cref="QueryServiceParameterMode.Bind"/> mode.
/// </summary>
/// <param name="dialect">Writes the literals.</param>
internal sealed class StatementValues(SqlDialect dialect)
{
    private readonly List<(string Name, object? Value, RelationalTypeMapping TypeMapping)> _parameters = [];

    /// <summary>How many bind parameters were written.</summary>
    public int ParameterCount => _parameters.Count;

    /// <summary>Writes a value of a column: a typed NULL, an XDM expression, a parameter or a literal.</summary>
    /// <param name="column">The column.</param>
    /// <param name="value">The model value (converters not yet applied).</param>
    public string Write(AppendColumn column, object? value)
    {
        var mapping = column.TypeMapping;
        if (value is null)
        {
            return dialect.TypedNull(mapping);
        }

        if (XdmTypeMappings.IsXdm(mapping))
        {
            return dialect.XdmValueLiteral(value);
        }

        if (dialect.Switches.ParameterMode == QueryServiceParameterMode.Bind)
        {
            var name = "p" + _parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _parameters.Add((name, value, mapping));
            return "@" + name;
        }

        return dialect.TryWriteLiteral(value, mapping)
            ?? throw new NotSupportedException(
                $"A value of type {value.GetType().Name} for column '{column.Name}' cannot be written as a Query Service literal; "
                + "map the property to a string, number, boolean, date or timestamp, or use ParameterMode(Bind).");
    }

    /// <summary>Forgets the parameters written after the first <paramref name="count"/>.</summary>
    /// <param name="count">How many to keep.</param>
    public void Truncate(int count) => _parameters.RemoveRange(count, _parameters.Count - count);

    /// <summary>A statement as an EF command, with the values of its parameters.</summary>
    /// <param name="sql">The statement.</param>
    /// <param name="commandBuilderFactory">Creates the command.</param>
    /// <param name="sqlGenerationHelper">Names the parameters.</param>
    /// <param name="parameterValues">The values of the parameters (model values), by name.</param>
    public IRelationalCommand ToCommand(
        string sql, IRelationalCommandBuilderFactory commandBuilderFactory, ISqlGenerationHelper sqlGenerationHelper,
        out Dictionary<string, object?> parameterValues)
    {
        var builder = commandBuilderFactory.Create().Append(sql);
        parameterValues = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value, typeMapping) in _parameters)
        {
            builder.AddParameter(name, sqlGenerationHelper.GenerateParameterName(name), typeMapping, nullable: false);
            // The model value: EF's parameter applies the type mapping's converter itself.
            parameterValues[name] = value;
        }

        return builder.Build();
    }
}

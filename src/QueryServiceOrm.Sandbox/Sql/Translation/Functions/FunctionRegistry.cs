namespace QueryServiceOrm.Sandbox.Sql.Translation.Functions;

/// <summary>The functions, by every name Spark registers them under.</summary>
internal sealed class FunctionRegistry
{
    public const int Many = int.MaxValue;

    private readonly Dictionary<string, SparkFunction> _functions = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, SparkFunction> Functions => _functions;

    /// <summary>Registers a function under one or more names (<c>"lcase,lower"</c>).</summary>
    public void Scalar(string names, int min, int max, Func<FunctionCall, TypedSql> translate)
        => Add(names, min, max, FunctionKind.Scalar, translate);

    public void Aggregate(string names, int min, int max, Func<FunctionCall, TypedSql> translate)
        => Add(names, min, max, FunctionKind.Aggregate, translate);

    public void Window(string names, int min, int max, Func<FunctionCall, TypedSql> translate)
        => Add(names, min, max, FunctionKind.Window, translate);

    private void Add(string names, int min, int max, FunctionKind kind, Func<FunctionCall, TypedSql> translate)
    {
        foreach (var name in names.Split(','))
        {
            _functions.Add(name, new SparkFunction(name, min, max, kind, translate));
        }
    }
}

namespace QueryServiceOrm.Sandbox.Sql.Translation.Functions;

/// <summary>What a function is to Spark's analyzer: a plain function, an aggregate, or a window (ranking) function.</summary>
internal enum FunctionKind
{
    Scalar,
    Aggregate,
    Window,
}

/// <summary>A Spark function the front emulates: its arity and its translation.</summary>
internal sealed record SparkFunction(string Name, int MinArguments, int MaxArguments, FunctionKind Kind, Func<FunctionCall, TypedSql> Translate);

/// <summary>The functions, by every name Spark registers them under.</summary>
internal sealed class FunctionRegistry
{
    public const int Many = int.MaxValue;

    private readonly Dictionary<string, SparkFunction> _functions = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, SparkFunction> Functions => _functions;

    /// <summary>Registers a function under one or more names (<c>"lcase,lower"</c>).</summary>
    public void Scalar(string names, int min, int max, Func<FunctionCall, TypedSql> translate) => Add(names, min, max, FunctionKind.Scalar, translate);

    public void Aggregate(string names, int min, int max, Func<FunctionCall, TypedSql> translate) => Add(names, min, max, FunctionKind.Aggregate, translate);

    public void Window(string names, int min, int max, Func<FunctionCall, TypedSql> translate) => Add(names, min, max, FunctionKind.Window, translate);

    private void Add(string names, int min, int max, FunctionKind kind, Func<FunctionCall, TypedSql> translate)
    {
        foreach (var name in names.Split(','))
        {
            _functions.Add(name, new SparkFunction(name, min, max, kind, translate));
        }
    }
}

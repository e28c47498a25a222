using QueryServiceOrm.Sandbox.Sql.Syntax;

namespace QueryServiceOrm.Sandbox.Sql.Translation.Functions;

/// <summary>What a function's translation works with: the call, its arguments (translated on demand), lambdas, and the
/// aggregate clauses (DISTINCT, FILTER, OVER) it may carry.</summary>
internal sealed class FunctionCall(CallExpr call, ExpressionTranslator translator, Scope scope)
{
    private readonly TypedSql?[] _arguments = new TypedSql?[call.Arguments.Count];

    public CallExpr Call { get; } = call;

    public ExpressionTranslator T { get; } = translator;

    public Scope Scope { get; } = scope;

    public int Count => Call.Arguments.Count;

    public string Name => Call.Name.ToLowerInvariant();

    public TypedSql Arg(int index)
        => _arguments[index] ??= Call.Arguments[index] is LambdaExpr
            ? throw Wrong("a value here, not a lambda")
            : T.Translate(Call.Arguments[index], Scope);

    public IReadOnlyList<TypedSql> Args => Enumerable.Range(0, Count).Select(Arg).ToList();

    public TypedSql Native(int index) => T.Native(Arg(index));

    public string As(int index, SparkType type) => T.Coerce(Arg(index), type).Text;

    public string Str(int index) => As(index, SparkType.String);

    public string Int(int index) => As(index, SparkType.Int);

    public string Long(int index) => As(index, SparkType.Long);

    public string Double(int index) => As(index, SparkType.Double);

    public string Bool(int index) => As(index, SparkType.Boolean);

    public string Timestamp(int index) => As(index, SparkType.Timestamp) + "::timestamp";

    public string Date(int index) => As(index, SparkType.Date);

    /// <summary>The argument if it is a constant string (a format, a unit), else null.</summary>
    public string? Constant(int index) => index < Count && Call.Arguments[index] is StringLiteral s ? s.Value : null;

    /// <summary>The array argument; an error naming what was expected otherwise.</summary>
    public (TypedSql Value, ArrayType Type) Array(int index)
    {
        var value = Arg(index);
        return value.Type switch
        {
            ArrayType a => (value, a),
            AtomicType { SparkName: "void" }
                => (new TypedSql("(NULL::text[])", new ArrayType(SparkType.String)), new ArrayType(SparkType.String)),
            _ => throw Wrong($"an array as argument {index + 1}, not {value.Type}"),
        };
    }

    public (TypedSql Value, MapType Type) Map(int index)
    {
        var value = Arg(index);
        return value.Type is MapType m ? (value, m) : throw Wrong($"a map as argument {index + 1}, not {value.Type}");
    }

    /// <summary>Translates the lambda at <paramref name="index"/> with its parameters bound to the given values.</summary>
    public TypedSql Lambda(int index, params TypedSql[] parameters)
    {
        if (index >= Count || Call.Arguments[index] is not LambdaExpr lambda)
        {
            throw Wrong($"a lambda function as argument {index + 1}");
        }

        if (lambda.Parameters.Count > parameters.Length)
        {
            throw Wrong($"a lambda of at most {parameters.Length} parameters");
        }

        var scope = new Scope(Scope);
        for (var i = 0; i < lambda.Parameters.Count; i++)
        {
            scope.Variables[lambda.Parameters[i].Value] = parameters[i];
        }

        return T.Translate(lambda.Body, scope);
    }

    /// <summary>How many parameters the lambda at <paramref name="index"/> declares.</summary>
    public int LambdaArity(int index) => index < Count && Call.Arguments[index] is LambdaExpr lambda ? lambda.Parameters.Count : 0;

    /// <summary>An aggregate call with the call's DISTINCT, FILTER and OVER clauses.</summary>
    public string Aggregate(string function, string arguments, string? extraFilter = null, string? orderBy = null, bool distinct = false)
    {
        var quantifier = Call.Distinct || distinct ? "DISTINCT " : "";
        var order = orderBy is null ? "" : " ORDER BY " + orderBy;
        var filters = new[]
        {
            extraFilter, Call.Filter is null ? null : T.Coerce(T.Translate(Call.Filter, Scope), SparkType.Boolean).Text
        }.Where(f => f is not null).ToList();
        var filter = filters.Count == 0 ? "" : $" FILTER (WHERE {string.Join(" AND ", filters)})";
        return $"{function}({quantifier}{arguments}{order}){filter}{Over}";
    }

    /// <summary>The OVER clause, or empty.</summary>
    public string Over => Call.Over is null ? "" : $" OVER ({T.Queries.Window(Call.Over, Scope)})";

    public ServiceErrorException Wrong(string expected) => new(ServiceRules.WrongArguments(Name, expected));

    public TypedSql Of(string text, SparkType type) => new(text, type);
}

using QueryServiceOrm.Sandbox.Sql.Syntax;
using QueryServiceOrm.Sandbox.Sql.Translation.Functions;

namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>The Spark SQL functions the front emulates, each translated with Spark's semantics.</summary>
internal static class SparkFunctions
{
    private static readonly FunctionRegistry Registry = Build();

    /// <summary>Every name the front translates (for the README's list and the oracle's coverage).</summary>
    public static IReadOnlyCollection<string> Names => [.. Registry.Functions.Keys];

    public static TypedSql Translate(CallExpr call, ExpressionTranslator translator, Scope scope)
    {
        if (Generators.IsGenerator(call.Name))
        {
            throw new ServiceErrorException(
                ServiceRules.Analysis($"Generators are not supported when it's nested in expressions, but got: {call.Name}"));
        }

        if (!Registry.Functions.TryGetValue(call.Name, out var function))
        {
            throw new ServiceErrorException(ServiceRules.FunctionNotFound(call.Name));
        }

        if (call.Arguments.Count < function.MinArguments || call.Arguments.Count > function.MaxArguments)
        {
            throw new ServiceErrorException(ServiceRules.WrongArguments(call.Name, Arity(function)));
        }

        if (function.Kind == FunctionKind.Scalar && (call.Distinct || call.Filter is not null || call.Over is not null))
        {
            throw new ServiceErrorException(
                ServiceRules.Analysis($"{call.Name} is not an aggregate function: DISTINCT, FILTER and OVER do not apply to it"));
        }

        if (function.Kind == FunctionKind.Window && call.Over is null)
        {
            throw new ServiceErrorException(ServiceRules.Analysis($"Window function {call.Name} requires an OVER clause"));
        }

        var arguments = call.Arguments.Select(
            a => a is AliasedExpr && !call.Is("struct")
                ? throw new ServiceErrorException(ServiceRules.SyntaxError("AS is allowed in struct(...) only.", a.Position))
                : a);
        return function.Translate(new FunctionCall(call with { Arguments = arguments.ToList() }, translator, scope));
    }

    private static string Arity(SparkFunction function)
        => function.MaxArguments == FunctionRegistry.Many ? $"at least {function.MinArguments} arguments"
            : function.MinArguments == function.MaxArguments ? $"{function.MinArguments} arguments"
            : $"{function.MinArguments} to {function.MaxArguments} arguments";

    /// <summary>Whether an expression holds an aggregate call (outside subqueries), for GROUP BY ALL.</summary>
    public static bool ContainsAggregate(Expr expression)
        => expression switch
        {
            CallExpr call => (call.Over is null && Registry.Functions.TryGetValue(call.Name, out var f) && f.Kind == FunctionKind.Aggregate)
                             || call.Arguments.Any(ContainsAggregate),
            UnaryExpr u => ContainsAggregate(u.Operand),
            BinaryExpr b => ContainsAggregate(b.Left) || ContainsAggregate(b.Right),
            CastExpr c => ContainsAggregate(c.Value),
            CaseExpr c => (c.Operand is not null && ContainsAggregate(c.Operand))
                || c.Whens.Any(w => ContainsAggregate(w.When) || ContainsAggregate(w.Then))
                          || (c.Else is not null && ContainsAggregate(c.Else)),
            IsExpr i => ContainsAggregate(i.Value),
            FieldExpr f => ContainsAggregate(f.Base),
            SubscriptExpr s => ContainsAggregate(s.Base) || ContainsAggregate(s.Index),
            AliasedExpr a => ContainsAggregate(a.Value),
            _ => false,
        };

    /// <summary>EXTRACT(field FROM source) and date_part('field', source).</summary>
    public static TypedSql Extract(string field, TypedSql source, ExpressionTranslator translator, int position)
        => DateTimeFunctions.Part(field.ToUpperInvariant(), source, translator)
           ?? throw new ServiceErrorException(
               ServiceRules.Analysis(
                   string.Create(CultureInfo.InvariantCulture, $"The field parameter needs to be a valid field: {field} is not")));

    private static FunctionRegistry Build()
    {
        var registry = new FunctionRegistry();
        StringFunctions.Register(registry);
        MathFunctions.Register(registry);
        DateTimeFunctions.Register(registry);
        ConditionalFunctions.Register(registry);
        AggregateFunctions.Register(registry);
        ArrayFunctions.Register(registry);
        MapFunctions.Register(registry);
        JsonFunctions.Register(registry);
        MiscFunctions.Register(registry);
        return registry;
    }
}

namespace QueryServiceOrm.Sandbox.Sql.Translation.Functions;

/// <summary>A Spark function the front emulates: its arity and its translation.</summary>
internal sealed record SparkFunction(
    string Name, int MinArguments, int MaxArguments, FunctionKind Kind, Func<FunctionCall, TypedSql> Translate);

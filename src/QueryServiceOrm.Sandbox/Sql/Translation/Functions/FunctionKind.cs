namespace QueryServiceOrm.Sandbox.Sql.Translation.Functions;

/// <summary>What a function is to Spark's analyzer: a plain function, an aggregate, or a window (ranking) function.</summary>
internal enum FunctionKind
{
    Scalar,
    Aggregate,
    Window,
}

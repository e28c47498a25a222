using Microsoft.EntityFrameworkCore.Metadata;

namespace QueryServiceOrm.Query;

/// <summary>
/// Keeps EF from evaluating the Spark functions and the XDM markers on the client when all their arguments are constants.
/// </summary>
internal sealed class QueryServiceEvaluatableExpressionFilterPlugin : IEvaluatableExpressionFilterPlugin
{
    public bool IsEvaluatableExpression(Expression expression)
        => expression is not MethodCallExpression { Method.DeclaringType: var type }
           || (type != typeof(QueryServiceDbFunctionsExtensions) && type != typeof(Xdm.XdmFunctions));
}

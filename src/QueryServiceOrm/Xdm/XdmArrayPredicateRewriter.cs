using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace QueryServiceOrm.Xdm;

/// <summary>
/// Rewrites <c>array.Any(x => body)</c> and <c>array.Count(x => body)</c> over an XDM array into
/// <see cref="XdmFunctions.Exists{T}"/> and <see cref="XdmFunctions.CountWhere{T}"/>, with the lambda parameter replaced by
/// <see cref="XdmFunctions.Element{T}"/>: EF cannot translate a lambda over a value-converted column, but it translates the
/// body once the element is an ordinary expression.
/// </summary>
internal sealed class XdmArrayPredicateRewriter(IModel model) : ExpressionVisitor
{
    private static readonly MethodInfo ExistsMethod = typeof(XdmFunctions).GetMethod(nameof(XdmFunctions.Exists))!;
    private static readonly MethodInfo CountWhereMethod = typeof(XdmFunctions).GetMethod(nameof(XdmFunctions.CountWhere))!;
    private static readonly MethodInfo ElementMethod = typeof(XdmFunctions).GetMethod(nameof(XdmFunctions.Element))!;
    private int _variables;

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType == typeof(Enumerable)
            && node.Method.Name is nameof(Enumerable.Any) or nameof(Enumerable.Count)
            && node.Arguments is [var source, LambdaExpression { Parameters: [var element] } predicate]
            && IsXdmArray(source))
        {
            var variable = "xdm_e" + _variables++;
            var elementType = element.Type;
            var body = new ParameterReplacer(element, Expression.Call(ElementMethod.MakeGenericMethod(elementType), Expression.Constant(variable)))
                .Visit(predicate.Body);
            var marker = node.Method.Name == nameof(Enumerable.Any) ? ExistsMethod : CountWhereMethod;
            return Expression.Call(marker.MakeGenericMethod(elementType), Visit(source), Expression.Constant(variable), Visit(body));
        }

        return base.VisitMethodCall(node);
    }

    // An XDM array is reached through member access from an entity property mapped with IsXdmObject.
    private bool IsXdmArray(Expression source)
    {
        for (var expression = source; expression is MemberExpression member; expression = member.Expression!)
        {
            if (member.Member is PropertyInfo property
                && model.FindEntityType(property.DeclaringType!)?.FindProperty(property) is { } mapped)
            {
                return mapped.GetValueConverter() is IXdmObjectConverter;
            }
        }

        return false;
    }

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}

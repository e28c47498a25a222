using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace QueryServiceOrm.Xdm;

/// <summary>
/// Rewrites what EF would otherwise take apart on XDM values: <c>array.Any(x => body)</c> and <c>array.Count(x => body)</c>
/// into <see cref="XdmFunctions.Exists{T}"/> and <see cref="XdmFunctions.CountWhere{T}"/> (and <c>array.Select(x => f).Contains(v)</c>
/// into the <c>Any(x => f == v)</c> it means) and <c>array.Select(x => f).ToList()</c> into
/// <see cref="XdmFunctions.Transform{T, TResult}"/>,
/// with the lambda parameter replaced
/// by <see cref="XdmFunctions.Element{T}"/> (EF cannot translate a lambda over a value-converted column, but it translates
/// the body once the element is an ordinary expression); <c>list[i]</c> into <see cref="XdmFunctions.ElementAt{T}"/> and
/// <c>map[key]</c> into <see cref="XdmFunctions.MapValue{TValue}"/> (EF would turn an indexed member access into a
/// Select over the list).
/// </summary>
internal sealed class XdmArrayPredicateRewriter(IModel model) : ExpressionVisitor
{
    private static readonly MethodInfo ExistsMethod = typeof(XdmFunctions).GetMethod(nameof(XdmFunctions.Exists))!;
    private static readonly MethodInfo CountWhereMethod = typeof(XdmFunctions).GetMethod(nameof(XdmFunctions.CountWhere))!;
    private static readonly MethodInfo TransformMethod = typeof(XdmFunctions).GetMethod(nameof(XdmFunctions.Transform))!;
    private static readonly MethodInfo ElementMethod = typeof(XdmFunctions).GetMethod(nameof(XdmFunctions.Element))!;
    private static readonly MethodInfo ElementAtMethod = typeof(XdmFunctions).GetMethod(nameof(XdmFunctions.ElementAt))!;
    private static readonly MethodInfo MapValueMethod = typeof(XdmFunctions).GetMethod(nameof(XdmFunctions.MapValue))!;
    private int _variables;

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType == typeof(Queryable)
            && node.Method.Name == nameof(Queryable.SelectMany)
            && ExplodedArray(node) is { } exploded)
        {
            return exploded;
        }

        if (node.Method.DeclaringType == typeof(Enumerable)
            && node.Method.Name is nameof(Enumerable.Any) or nameof(Enumerable.Count)
            && node.Arguments is [var source, LambdaExpression { Parameters: [_] } predicate]
            && IsXdmArray(source))
        {
            return OverElements(node.Method.Name == nameof(Enumerable.Any) ? ExistsMethod : CountWhereMethod, source, predicate);
        }

        // The list of a leaf per element (Select(...).ToList()) is computed on the server: EF cannot run a lambda over
        // a value it reads as JSON.
        if (node.Method.DeclaringType == typeof(Enumerable)
            && node.Method.Name == nameof(Enumerable.ToList)
            && node.Arguments is
            [
                MethodCallExpression
                {
                    Method.Name: nameof(Enumerable.Select), Arguments: [var items, LambdaExpression { Parameters: [_] } leaf]
                } projection
            ]
            && projection.Method.DeclaringType == typeof(Enumerable)
            && IsXdmArray(items))
        {
            return OverElements(TransformMethod, items, leaf);
        }

        // Enumerable.Contains compares with the default equality, which for the scalars a selector can reach is what == means.
        if (node.Method.DeclaringType == typeof(Enumerable)
            && node.Method.Name == nameof(Enumerable.Contains)
            && node.Arguments is
            [
                MethodCallExpression
                {
                    Method.Name: nameof(Enumerable.Select), Arguments: [var array, LambdaExpression { Parameters: [var item] } selector]
                } select,
                var value
            ]
            && select.Method.DeclaringType == typeof(Enumerable)
            && IsXdmArray(array))
        {
            var any = Expression.Call(
                typeof(Enumerable), nameof(Enumerable.Any), [item.Type], array,
                Expression.Lambda(Expression.Equal(Typed(selector), value), item));
            return VisitMethodCall(any);
        }

        if (node is { Method.Name: "get_Item", Object: { } target, Arguments: [var key] } && IsXdmArray(target))
        {
            var type = target.Type;
            if (XdmTypeMappings.IsList(type) && key.Type == typeof(int))
            {
                return Expression.Call(ElementAtMethod.MakeGenericMethod(type.GetGenericArguments()[0]), Visit(target), Visit(key));
            }

            if (XdmTypeMappings.IsMap(type) && key.Type == typeof(string))
            {
                return Expression.Call(MapValueMethod.MakeGenericMethod(type.GetGenericArguments()[1]), Visit(target), Visit(key));
            }
        }

        return base.VisitMethodCall(node);
    }

    private MethodCallExpression OverElements(MethodInfo marker, Expression array, LambdaExpression lambda)
    {
        var variable = "xdm_e" + _variables++;
        var element = lambda.Parameters[0];
        var body = new ParameterReplacer(
                element, Expression.Call(ElementMethod.MakeGenericMethod(element.Type), Expression.Constant(variable)))
            .Visit(Typed(lambda));
        var method = marker.GetGenericArguments().Length == 1
            ? marker.MakeGenericMethod(element.Type)
            : marker.MakeGenericMethod(element.Type, lambda.ReturnType);
        return Expression.Call(method, Visit(array), Expression.Constant(variable), Visit(body));
    }

    // SelectMany(e => e.array, ...): the array becomes a query source that EF's navigation expansion accepts.
    private MethodCallExpression? ExplodedArray(MethodCallExpression selectMany)
    {
        if (selectMany.Arguments[1] is not UnaryExpression { Operand: LambdaExpression { Parameters: [var outer] } selector }
            || Unconverted(selector.Body) is not { } items
            || !XdmTypeMappings.IsList(items.Type)
            || !IsXdmArray(items))
        {
            return null;
        }

        var elements = Expression.Lambda(
            selector.Type, new XdmArrayQueryRootExpression(Visit(items), items.Type.GetGenericArguments()[0]), outer);
        var arguments = selectMany.Arguments.Select((argument, i) => i == 1 ? Expression.Quote(elements) : Visit(argument));
        return selectMany.Update(null, arguments);
    }

    private static Expression Unconverted(Expression expression)
        => expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.TypeAs } convert
            ? Unconverted(convert.Operand)
            : expression;

    // C# leaves reference conversions implicit: a Func<T, object> may have a string body. The lambda's own type is the one
    // the query expects back.
    private static Expression Typed(LambdaExpression lambda)
        => lambda.Body.Type == lambda.ReturnType ? lambda.Body : Expression.Convert(lambda.Body, lambda.ReturnType);

    // XDM data is reached from an entity property mapped with IsXdmObject, through members, indexers and map keys.
    private bool IsXdmArray(Expression source)
    {
        for (var expression = source; ;)
        {
            switch (expression)
            {
                case MemberExpression { Member: PropertyInfo property } member
                    when model.FindEntityType(property.DeclaringType!)?.FindProperty(property) is { } mapped:
                    return XdmTypeMappings.IsXdm(mapped.GetTypeMapping());
                case MemberExpression member:
                    expression = member.Expression!;
                    break;
                case MethodCallExpression { Method.Name: "get_Item", Object: { } target }:
                    expression = target;
                    break;
                case MethodCallExpression { Method.Name: nameof(XdmFunctions.Element) } element
                    when element.Method.DeclaringType == typeof(XdmFunctions):
                    return true;
                case MethodCallExpression call when call.Method.DeclaringType == typeof(XdmFunctions) && call.Arguments.Count > 0:
                    expression = call.Arguments[0];
                    break;
                default:
                    return false;
            }
        }
    }

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}

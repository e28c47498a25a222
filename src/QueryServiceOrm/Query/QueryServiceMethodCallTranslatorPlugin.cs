using System.Reflection;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using QueryServiceOrm.Storage;
using QueryServiceOrm.Xdm;

namespace QueryServiceOrm.Query;

/// <summary>
/// String methods whose Npgsql translations use functions Spark SQL lacks: <c>IndexOf</c> (<c>instr</c>) and
/// <c>Trim</c>/<c>TrimStart</c>/<c>TrimEnd</c> (<c>trim</c>, <c>ltrim</c>, <c>rtrim</c>,
/// which like SQL's TRIM remove spaces, not every white-space character .NET would).
/// </summary>
internal sealed class QueryServiceMethodCallTranslatorPlugin(
    ISqlExpressionFactory sqlExpressionFactory, XdmTypeMappings xdmTypeMappings)
    : IMethodCallTranslatorPlugin
{
    public IEnumerable<IMethodCallTranslator> Translators { get; } =
        [
            new StringMethodTranslator(sqlExpressionFactory),
            new SparkFunctionTranslator(sqlExpressionFactory),
            new XdmArrayTranslator(sqlExpressionFactory),
            new XdmPredicateTranslator(sqlExpressionFactory, xdmTypeMappings),
        ];

    /// <summary>
    /// The markers of <see cref="XdmArrayPredicateRewriter"/>: the element variable, lambdas over arrays, indexes and keys.
    /// </summary>
    private sealed class XdmPredicateTranslator(ISqlExpressionFactory sql, XdmTypeMappings mappings) : IMethodCallTranslator
    {
        private static readonly Dictionary<string, XdmArrayOperation> Operations = new()
        {
            [nameof(XdmFunctions.Exists)] = XdmArrayOperation.Exists,
            [nameof(XdmFunctions.CountWhere)] = XdmArrayOperation.Count,
            [nameof(XdmFunctions.Transform)] = XdmArrayOperation.Transform,
        };

        public SqlExpression? Translate(
            SqlExpression? instance,
            MethodInfo method,
            IReadOnlyList<SqlExpression> arguments,
            IDiagnosticsLogger<DbLoggerCategory.Query> logger)
            => method.DeclaringType != typeof(XdmFunctions)
                ? null
                : method.Name switch
                {
                    nameof(XdmFunctions.Element)
                        when arguments is [SqlConstantExpression { Value: string name }] && XdmFunctions.IsVariableName(name)
                        => new XdmVariableExpression(name, method.ReturnType, mappings.For(method.ReturnType)),
                    nameof(XdmFunctions.ElementAt) or nameof(XdmFunctions.MapValue) when arguments is [var target, var index]
                        => new XdmIndexExpression(
                            target, sql.ApplyDefaultTypeMapping(index), method.ReturnType, mappings.For(method.ReturnType)),
                    _ when Operations.TryGetValue(method.Name, out var operation)
                           && arguments is [var array, SqlConstantExpression { Value: string variable }, var body]
                           && XdmFunctions.IsVariableName(variable)
                        => new XdmArrayLambdaExpression(
                            array, variable, operation == XdmArrayOperation.Transform ? sql.ApplyDefaultTypeMapping(body) : body, operation,
                            method.ReturnType, mappings.For(method.ReturnType)),
                    _ => null,
                };
    }

    /// <summary>
    /// <c>Any()</c> and <c>Count()</c> without a predicate over an XDM array (EF writes <c>Count &gt; 0</c> as <c>Any()</c>)
    /// become the array's size.
    /// </summary>
    private sealed class XdmArrayTranslator(ISqlExpressionFactory sql) : IMethodCallTranslator
    {
        public SqlExpression? Translate(
            SqlExpression? instance,
            MethodInfo method,
            IReadOnlyList<SqlExpression> arguments,
            IDiagnosticsLogger<DbLoggerCategory.Query> logger)
        {
            if (instance is not null
                || method.DeclaringType != typeof(Enumerable)
                || arguments is not [var source]
                || !XdmTypeMappings.IsXdm(source)
                || !XdmTypeMappings.IsList(source.Type))
            {
                return null;
            }

            var size = SqlDialect.ArraySize(sql, source);
            return method.Name switch
            {
                nameof(Enumerable.Any) => sql.GreaterThan(size, sql.Constant(0)),
                nameof(Enumerable.Count) => size,
                _ => null,
            };
        }
    }

    private sealed class SparkFunctionTranslator(ISqlExpressionFactory sql) : IMethodCallTranslator
    {
        private static readonly Dictionary<MethodInfo, string> Functions = new()
        {
            [typeof(QueryServiceDbFunctionsExtensions).GetMethod(nameof(QueryServiceDbFunctionsExtensions.DateFormat))!] = "date_format",
            [typeof(QueryServiceDbFunctionsExtensions).GetMethod(nameof(QueryServiceDbFunctionsExtensions.ParseTimestamp))!]
                = "to_timestamp",
            [typeof(QueryServiceDbFunctionsExtensions).GetMethod(nameof(QueryServiceDbFunctionsExtensions.FromUtcTimestamp))!]
                = "from_utc_timestamp",
            [typeof(QueryServiceDbFunctionsExtensions).GetMethod(nameof(QueryServiceDbFunctionsExtensions.RegexpExtract))!]
                = "regexp_extract",
        };

        public SqlExpression? Translate(
            SqlExpression? instance,
            MethodInfo method,
            IReadOnlyList<SqlExpression> arguments,
            IDiagnosticsLogger<DbLoggerCategory.Query> logger)
            => Functions.TryGetValue(method, out var function)
                ? sql.ApplyDefaultTypeMapping(
                    sql.Function(
                        function,
                        arguments.Skip(1).Select(a => sql.ApplyDefaultTypeMapping(a)),
                        nullable: true,
                        arguments.Skip(1).Select(_ => true),
                        method.ReturnType))
                : null;
    }

    private sealed class StringMethodTranslator(ISqlExpressionFactory sql) : IMethodCallTranslator
    {
        private static readonly MethodInfo IndexOfString = typeof(string).GetMethod(nameof(string.IndexOf), [typeof(string)])!;
        private static readonly MethodInfo Trim = typeof(string).GetMethod(nameof(string.Trim), Type.EmptyTypes)!;
        private static readonly MethodInfo TrimStart = typeof(string).GetMethod(nameof(string.TrimStart), Type.EmptyTypes)!;
        private static readonly MethodInfo TrimEnd = typeof(string).GetMethod(nameof(string.TrimEnd), Type.EmptyTypes)!;

        public SqlExpression? Translate(
            SqlExpression? instance,
            MethodInfo method,
            IReadOnlyList<SqlExpression> arguments,
            IDiagnosticsLogger<DbLoggerCategory.Query> logger)
        {
            if (instance is null)
            {
                return null;
            }

            if (method == IndexOfString)
            {
                var position = sql.Function(
                    "instr", [instance, arguments[0]], nullable: true, argumentsPropagateNullability: [true, true], typeof(int));
                return sql.Subtract(position, sql.Constant(1));
            }

            var trim = method == Trim ? "trim" : method == TrimStart ? "ltrim" : method == TrimEnd ? "rtrim" : null;
            return trim is null
                ? null
                : sql.Function(
                    trim, [instance], nullable: true, argumentsPropagateNullability: [true], typeof(string), instance.TypeMapping);
        }
    }
}

using System.Reflection;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using QueryServiceOrm.Storage;
using QueryServiceOrm.Xdm;

namespace QueryServiceOrm.Query;

/// <summary>
/// Date and time members as Spark SQL functions: <c>date_part(field, x)</c> and <c>date_trunc('day', x)</c>, read in
/// the session time zone (UTC on the service and the sandbox). Npgsql's
/// own forms (<c>AT TIME ZONE</c>, three-argument <c>date_trunc</c>) do not exist in Spark.
/// </summary>
internal sealed class QueryServiceMemberTranslatorPlugin(
    ISqlExpressionFactory sqlExpressionFactory, XdmTypeMappings xdmTypeMappings) : IMemberTranslatorPlugin
{
    public IEnumerable<IMemberTranslator> Translators { get; } =
        [new DateTimeMemberTranslator(sqlExpressionFactory), new XdmFieldTranslator(sqlExpressionFactory, xdmTypeMappings)];

    /// <summary>
    /// A field of XDM data (a column mapped with IsXdmObject, or a path into one) becomes a longer path;
    /// the Count of an XDM array becomes the array's size.
    /// </summary>
    private sealed class XdmFieldTranslator(ISqlExpressionFactory sql, XdmTypeMappings mappings) : IMemberTranslator
    {
        public SqlExpression? Translate(
            SqlExpression? instance, MemberInfo member, Type returnType, IDiagnosticsLogger<DbLoggerCategory.Query> logger)
        {
            if (instance is null || !XdmTypeMappings.IsXdm(instance))
            {
                return null;
            }

            if (XdmTypeMappings.IsList(instance.Type))
            {
                return member.Name == nameof(List<int>.Count)
                    ? SqlDialect.ArraySize(sql, instance)
                    : null;
            }

            // A map's members (Count, Keys, Values) are not fields: left untranslated rather than read as a key.
            if (XdmTypeMappings.IsMap(instance.Type))
            {
                return null;
            }

            var segment = XdmNames.Of(member);
            return instance is XdmPathExpression path
                ? path.Append(segment, returnType, mappings.For(returnType))
                : new XdmPathExpression(instance, [segment], returnType, mappings.For(returnType));
        }
    }

    private sealed class DateTimeMemberTranslator(ISqlExpressionFactory sql) : IMemberTranslator
    {
        public SqlExpression? Translate(
            SqlExpression? instance, MemberInfo member, Type returnType, IDiagnosticsLogger<DbLoggerCategory.Query> logger)
        {
            if (instance is null || (member.DeclaringType != typeof(DateTime) && member.DeclaringType != typeof(DateTimeOffset)))
            {
                return null;
            }

            return member.Name switch
            {
                nameof(DateTime.Year) => Part("year"),
                nameof(DateTime.Month) => Part("month"),
                nameof(DateTime.Day) => Part("day"),
                nameof(DateTime.DayOfYear) => Part("doy"),
                nameof(DateTime.Hour) => Part("hour"),
                nameof(DateTime.Minute) => Part("minute"),
                nameof(DateTime.Second) => Part("second"),
                nameof(DateTime.DayOfWeek) => DayOfWeek(),
                // DateTimeOffset.Date is a DateTime: left to Npgsql rather than typed wrongly here.
                nameof(DateTime.Date) when member.DeclaringType == typeof(DateTime) => sql.Function(
                    "date_trunc",
                    [sql.Constant("day"), instance],
                    nullable: true,
                    argumentsPropagateNullability: [false, true],
                    instance.Type,
                    instance.TypeMapping),
                _ => null,
            };

            SqlExpression DatePart(string field)
                => sql.Function(
                    "floor",
                    [sql.Function("date_part", [sql.Constant(field), instance], nullable: true, [false, true], typeof(double))],
                    nullable: true, [true], typeof(double));

            SqlExpression Part(string field) => sql.Convert(DatePart(field), typeof(int));

            // Spark numbers the days 1 (Sunday) to 7; .NET 0 to 6.
            SqlExpression DayOfWeek() => sql.Convert(sql.Subtract(DatePart("dayofweek"), sql.Constant(1.0)), typeof(DayOfWeek));
        }
    }
}

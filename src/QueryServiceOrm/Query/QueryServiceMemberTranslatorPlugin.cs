using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using QueryServiceOrm.Storage;
using QueryServiceOrm.Xdm;

namespace QueryServiceOrm.Query;

/// <summary>
/// Date and time members as functions both Spark SQL and PostgreSQL have: <c>date_part(field, x)</c> and
/// <c>date_trunc('day', x)</c>, read in the session time zone (UTC on the service and the stand-in). Npgsql's
/// own forms (<c>AT TIME ZONE</c>, three-argument <c>date_trunc</c>) do not exist in Spark.
/// </summary>
internal sealed class QueryServiceMemberTranslatorPlugin(
    ISqlExpressionFactory sqlExpressionFactory, IRelationalTypeMappingSource typeMappings, SqlDialect dialect) : IMemberTranslatorPlugin
{
    public IEnumerable<IMemberTranslator> Translators { get; } =
        [new DateTimeMemberTranslator(sqlExpressionFactory, dialect), new XdmFieldTranslator(typeMappings)];

    /// <summary>A field of an XDM object (a column mapped with IsXdmObject, or a path into one) becomes a longer path.</summary>
    private sealed class XdmFieldTranslator(IRelationalTypeMappingSource typeMappings) : IMemberTranslator
    {
        public SqlExpression? Translate(SqlExpression? instance, MemberInfo member, Type returnType, IDiagnosticsLogger<DbLoggerCategory.Query> logger)
            => instance switch
            {
                XdmPathExpression { IsObject: true } path => path.Append(XdmNames.Of(member), returnType, MappingFor(returnType)),
                ColumnExpression { TypeMapping.Converter: IXdmObjectConverter } column => new XdmPathExpression(column, [XdmNames.Of(member)], returnType, MappingFor(returnType)),
                _ => null,
            };

        private RelationalTypeMapping? MappingFor(Type type)
            => type.IsClass && type != typeof(string)
                ? (RelationalTypeMapping)typeMappings.FindMapping(typeof(string))!.WithComposedConverter(
                    (ValueConverter)Activator.CreateInstance(typeof(XdmObjectConverter<>).MakeGenericType(type))!)
                : typeMappings.FindMapping(type);
    }

    private sealed class DateTimeMemberTranslator(ISqlExpressionFactory sql, SqlDialect dialect) : IMemberTranslator
    {
        public SqlExpression? Translate(SqlExpression? instance, MemberInfo member, Type returnType, IDiagnosticsLogger<DbLoggerCategory.Query> logger)
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
                    "date_trunc", [sql.Constant("day"), instance], nullable: true, argumentsPropagateNullability: [false, true], instance.Type, instance.TypeMapping),
                _ => null,
            };

            SqlExpression DatePart(string field)
                => sql.Function("floor", [sql.Function("date_part", [sql.Constant(field), instance], nullable: true, [false, true], typeof(double))],
                    nullable: true, [true], typeof(double));

            SqlExpression Part(string field) => sql.Convert(DatePart(field), typeof(int));

            SqlExpression DayOfWeek()
            {
                var (field, offset) = dialect.DayOfWeekPart;
                var day = DatePart(field);
                return sql.Convert(offset == 0 ? day : sql.Subtract(day, sql.Constant((double)-offset)), typeof(DayOfWeek));
            }
        }
    }
}

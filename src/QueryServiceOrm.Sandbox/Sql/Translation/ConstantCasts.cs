using System.Text.RegularExpressions;
using QueryServiceOrm.Sandbox.Sql.Syntax;

namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>
/// Constants whose value the translator can settle itself: a plain decimal cast to a floating type, a well-formed DATE or
/// TIMESTAMP literal. PostgreSQL reads these exactly as Spark does, so they become PostgreSQL constants; the run-time
/// functions, which read Spark's lenient forms and catch a failed conversion in a subtransaction each, are left to the rest.
/// An append of thousands of rows holds thousands of such constants.
/// </summary>
internal static partial class ConstantCasts
{
    private const string DateFormat = "yyyy-MM-dd";

    private static readonly string[] TimestampFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.f", "yyyy-MM-dd HH:mm:ss.ff", "yyyy-MM-dd HH:mm:ss.fff",
         "yyyy-MM-dd HH:mm:ss.ffff", "yyyy-MM-dd HH:mm:ss.fffff", "yyyy-MM-dd HH:mm:ss.ffffff"];

    /// <summary><c>CAST('12.5' AS double)</c> as a PostgreSQL constant, or null when the text needs Spark's own reading.</summary>
    public static TypedSql? Floating(CastExpr cast, SparkType type)
        => cast.Value is StringLiteral { Value: var text }
            && type is AtomicType { SparkName: "double" or "float" }
            && PlainDecimal().IsMatch(text)
            ? new TypedSql($"({PgSql.Literal(text)}::{type.PgName})", type)
            : null;

    /// <summary><c>DATE '2024-05-06'</c> or <c>TIMESTAMP '2024-05-06 07:08:09.5'</c> as a PostgreSQL constant, or null.</summary>
    public static TypedSql? DateTime(TypedLiteral literal)
        => literal.TypeName switch
        {
            "DATE" when Parses(literal.Value, [DateFormat]) => new TypedSql($"(DATE {PgSql.Literal(literal.Value)})", SparkType.Date),
            "TIMESTAMP" when Parses(literal.Value, TimestampFormats)
                => new TypedSql($"(TIMESTAMP {PgSql.Literal(literal.Value)})", SparkType.Timestamp),
            _ => null,
        };

    private static bool Parses(string text, string[] formats)
        => System.DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            && value.Year >= 1;

    // Digits with at most one point and no exponent, small enough that neither a double nor a float overflows or underflows:
    // both read it as the nearest binary value.
    [GeneratedRegex(@"^[+-]?[0-9]{1,38}(\.[0-9]{1,30})?$")]
    private static partial Regex PlainDecimal();
}

using QueryServiceOrm.Sandbox.Sql.Syntax;

namespace QueryServiceOrm.Sandbox.Sql.Translation.Functions;

/// <summary>
/// Spark's date and time functions. Timestamps are in UTC (the service's session time zone); strings are read as dates and
/// timestamps the way Spark casts them, and what does not parse is NULL.
/// </summary>
internal static class DateTimeFunctions
{
    private static readonly SparkType Ts = SparkType.Timestamp;
    private static readonly SparkType Dt = SparkType.Date;
    private static readonly SparkType I = SparkType.Int;

    public static void Register(FunctionRegistry r)
    {
        r.Scalar("current_date,curdate", 0, 0, c => c.Of("current_date", Dt));
        r.Scalar("current_timestamp,now,localtimestamp", 0, 0, c => c.Of("localtimestamp", Ts));
        r.Scalar("current_timezone", 0, 0, c => c.Of("current_setting('TimeZone')", SparkType.String));
        r.Scalar("date_add", 2, 2, c => c.Of($"({c.Date(0)} + {c.Int(1)})", Dt));
        r.Scalar("date_sub", 2, 2, c => c.Of($"({c.Date(0)} - {c.Int(1)})", Dt));
        r.Scalar("dateadd", 2, 3, c => c.Count == 2 ? c.Of($"({c.Date(0)} + {c.Int(1)})", Dt) : TimestampAdd(c));
        r.Scalar("timestampadd", 3, 3, TimestampAdd);
        r.Scalar("datediff,date_diff", 2, 3, c => c.Count == 2 ? c.Of($"({c.Date(0)} - {c.Date(1)})", I) : TimestampDiff(c));
        r.Scalar("timestampdiff", 3, 3, TimestampDiff);
        r.Scalar("date_format", 2, 2, c => c.Of($"to_char({c.Timestamp(0)}, {Pattern(c, 1)})", SparkType.String));
        r.Scalar("date_from_unix_date", 1, 1, c => c.Of($"(DATE '1970-01-01' + {c.Int(0)})", Dt));
        r.Scalar(
            "date_part,datepart", 2, 2,
            c => SparkFunctions.Extract(c.Constant(0) ?? throw c.Wrong("a constant field name"), c.Arg(1), c.T, c.Call.Position));
        r.Scalar("date_trunc", 2, 2, c => c.Of(PgSql.Call("date_trunc", c.Str(0), c.Timestamp(1)), Ts));
        r.Scalar("trunc", 2, 2, c => c.Of(PgSql.Call("trunc_date", c.Date(0), c.Str(1)), Dt));
        r.Scalar("day,dayofmonth", 1, 1, c => Part("DAY", c.Arg(0), c.T)!);
        r.Scalar("dayofweek", 1, 1, c => Part("DAYOFWEEK", c.Arg(0), c.T)!);
        r.Scalar("dayofyear", 1, 1, c => Part("DOY", c.Arg(0), c.T)!);
        r.Scalar("hour", 1, 1, c => Part("HOUR", c.Arg(0), c.T)!);
        r.Scalar("minute", 1, 1, c => Part("MINUTE", c.Arg(0), c.T)!);
        r.Scalar("second", 1, 1, c => c.Of($"extract(second FROM {c.Timestamp(0)})::integer", I));
        r.Scalar("month", 1, 1, c => Part("MONTH", c.Arg(0), c.T)!);
        r.Scalar("quarter", 1, 1, c => Part("QUARTER", c.Arg(0), c.T)!);
        r.Scalar("year", 1, 1, c => Part("YEAR", c.Arg(0), c.T)!);
        r.Scalar("weekofyear", 1, 1, c => Part("WEEK", c.Arg(0), c.T)!);
        r.Scalar("weekday", 1, 1, c => c.Of($"(extract(isodow FROM {c.Date(0)})::integer - 1)", I));
        r.Scalar("from_unixtime", 1, 2, c => c.Of(
            $"to_char(to_timestamp({c.Long(0)}) AT TIME ZONE 'UTC', "
            + $"{(c.Count == 2 ? Pattern(c, 1) : PgSql.Literal(JavaDateFormat.ToPostgres("yyyy-MM-dd HH:mm:ss")))})",
            SparkType.String));
        r.Scalar("from_utc_timestamp", 2, 2, c => c.Of($"(({c.Timestamp(0)} AT TIME ZONE 'UTC') AT TIME ZONE {c.Str(1)})", Ts));
        r.Scalar("to_utc_timestamp", 2, 2, c => c.Of($"(({c.Timestamp(0)} AT TIME ZONE {c.Str(1)}) AT TIME ZONE 'UTC')", Ts));
        r.Scalar("convert_timezone", 2, 3, c => c.Count == 2
            ? c.Of($"(({c.Timestamp(1)} AT TIME ZONE 'UTC') AT TIME ZONE {c.Str(0)})", Ts)
            : c.Of($"(({c.Timestamp(2)} AT TIME ZONE {c.Str(0)}) AT TIME ZONE {c.Str(1)})", Ts));
        r.Scalar("last_day", 1, 1, c => c.Of($"((date_trunc('month', {c.Date(0)}) + INTERVAL '1 month - 1 day')::date)", Dt));
        r.Scalar("make_date", 3, 3, c => c.Of(PgSql.Call("make_date", c.Int(0), c.Int(1), c.Int(2)), Dt));
        r.Scalar("make_timestamp,make_timestamp_ntz,make_timestamp_ltz", 6, 7, MakeTimestamp);
        r.Scalar(
            "months_between", 2, 3,
            c => c.Of(PgSql.Call("months_between", c.Timestamp(0), c.Timestamp(1), c.Count == 3 ? c.Bool(2) : "TRUE"), SparkType.Double));
        r.Scalar("next_day", 2, 2, c => c.Of(PgSql.Call("next_day", c.Date(0), c.Str(1)), Dt));
        r.Scalar("timestamp_seconds", 1, 1, c => c.Of($"(to_timestamp({c.Double(0)}) AT TIME ZONE 'UTC')", Ts));
        r.Scalar("timestamp_millis", 1, 1, c => c.Of($"(to_timestamp({c.Long(0)} / 1000.0) AT TIME ZONE 'UTC')", Ts));
        r.Scalar("timestamp_micros", 1, 1, c => c.Of($"(to_timestamp({c.Long(0)} / 1000000.0) AT TIME ZONE 'UTC')", Ts));
        r.Scalar("unix_date", 1, 1, c => c.Of($"({c.Date(0)} - DATE '1970-01-01')", I));
        r.Scalar("unix_seconds", 1, 1, c => c.Of($"floor(extract(epoch FROM {c.Timestamp(0)}))::bigint", SparkType.Long));
        r.Scalar("unix_millis", 1, 1, c => c.Of($"floor(extract(epoch FROM {c.Timestamp(0)}) * 1000)::bigint", SparkType.Long));
        r.Scalar("unix_micros", 1, 1, c => c.Of($"floor(extract(epoch FROM {c.Timestamp(0)}) * 1000000)::bigint", SparkType.Long));
        r.Scalar(
            "to_date", 1, 2,
            c => c.Count == 1 ? c.T.Cast(c.Arg(0), Dt, 0) : c.Of(PgSql.Call("parse_timestamp", c.Str(0), Pattern(c, 1)) + "::date", Dt));
        r.Scalar("to_timestamp,to_timestamp_ntz,to_timestamp_ltz,try_to_timestamp", 1, 2, c => c.Count == 1
            ? c.T.Cast(c.Arg(0), Ts, 0)
            : c.Of(PgSql.Call("parse_timestamp", c.Str(0), Pattern(c, 1)), Ts));
        r.Scalar("unix_timestamp,to_unix_timestamp", 0, 2, UnixTimestamp);
    }

    /// <summary>A field of a date, timestamp or interval, as Spark's EXTRACT and date_part name them; null for an unknown field.</summary>
    public static TypedSql? Part(string field, TypedSql source, ExpressionTranslator t)
    {
        if (source.Type == SparkType.Interval)
        {
            return IntervalPart(field, source);
        }

        var value = source.Type == SparkType.Date ? $"{source.Text}::timestamp" : t.Coerce(source, Ts).Text + "::timestamp";
        string Of(string pgField) => $"extract({pgField} FROM {value})::integer";
        var text = field switch
        {
            "YEAR" or "Y" or "YEARS" or "YR" or "YRS" => Of("year"),
            "YEAROFWEEK" => Of("isoyear"),
            "QUARTER" or "QTR" => Of("quarter"),
            "MONTH" or "MON" or "MONS" or "MONTHS" => Of("month"),
            "WEEK" or "W" or "WEEKS" => Of("week"),
            "DAY" or "D" or "DAYS" => Of("day"),
            "DAYOFWEEK" or "DOW" => $"({Of("dow")} + 1)",
            "DAYOFWEEK_ISO" or "DOW_ISO" => Of("isodow"),
            "DOY" => Of("doy"),
            "HOUR" or "H" or "HOURS" or "HR" or "HRS" => Of("hour"),
            "MINUTE" or "M" or "MIN" or "MINS" or "MINUTES" => Of("minute"),
            "SECOND" or "S" or "SEC" or "SECONDS" or "SECS" => null,
            _ => throw new ServiceErrorException(ServiceRules.Analysis($"The field parameter needs to be a valid field: '{field}' is not")),
        };
        return text is null
            ? new TypedSql($"extract(second FROM {value})::numeric(8,6)", new DecimalType(8, 6))
            : new TypedSql(text, I);
    }

    private static TypedSql IntervalPart(string field, TypedSql source)
    {
        var pg = field switch
        {
            "YEAR" or "Y" or "YEARS" or "YR" or "YRS" => "year",
            "MONTH" or "MON" or "MONS" or "MONTHS" => "month",
            "DAY" or "D" or "DAYS" => "day",
            "HOUR" or "H" or "HOURS" or "HR" or "HRS" => "hour",
            "MINUTE" or "M" or "MIN" or "MINS" or "MINUTES" => "minute",
            "SECOND" or "S" or "SEC" or "SECONDS" or "SECS" => "second",
            _ => throw new ServiceErrorException(ServiceRules.Analysis($"The field parameter needs to be a valid field: '{field}' is not")),
        };
        return pg == "second"
            ? new TypedSql($"extract(second FROM {source.Text})::numeric(8,6)", new DecimalType(8, 6))
            : new TypedSql($"extract({pg} FROM {source.Text})::integer", I);
    }

    // A format argument: constant patterns are translated once; a pattern computed at run time is not emulated.
    private static string Pattern(FunctionCall c, int index)
        => c.Constant(index) is { } pattern
            ? PgSql.Literal(JavaDateFormat.ToPostgres(pattern))
            : throw new ServiceErrorException(
                ServiceRules.NotEmulated(
                    "A datetime pattern computed at run time", "the sandbox translates Spark's patterns when they are constants."));

    private static TypedSql MakeTimestamp(FunctionCall c)
    {
        var local = PgSql.Call("make_timestamp", c.Int(0), c.Int(1), c.Int(2), c.Int(3), c.Int(4), c.Double(5));
        return c.Count == 7 ? c.Of($"(({local} AT TIME ZONE {c.Str(6)}) AT TIME ZONE 'UTC')", Ts) : c.Of(local, Ts);
    }

    private static TypedSql UnixTimestamp(FunctionCall c)
    {
        var timestamp = c.Count switch
        {
            0 => "localtimestamp",
            1 when c.Arg(0).Type == SparkType.String
                => PgSql.Call("parse_timestamp", c.Str(0), PgSql.Literal(JavaDateFormat.ToPostgres("yyyy-MM-dd HH:mm:ss"))),
            1 => c.Timestamp(0),
            _ when c.Arg(0).Type == SparkType.String => PgSql.Call("parse_timestamp", c.Str(0), Pattern(c, 1)),
            _ => c.Timestamp(0),
        };
        return c.Of($"floor(extract(epoch FROM {timestamp}))::bigint", SparkType.Long);
    }

    // timestampadd(unit, n, ts): the unit is a bare word (HOUR), not a column.
    private static TypedSql TimestampAdd(FunctionCall c)
    {
        var unit = Unit(c);
        var interval = unit == "quarter" ? "3 months" : "1 " + unit;
        return c.Of($"({c.Timestamp(2)} + ({c.Long(1)}) * INTERVAL {PgSql.Literal(interval)})", Ts);
    }

    private static TypedSql TimestampDiff(FunctionCall c)
        => c.Of(PgSql.Call("timestampdiff", PgSql.Literal(Unit(c)), c.Timestamp(1), c.Timestamp(2)), SparkType.Long);

    private static string Unit(FunctionCall c)
    {
        var word = c.Call.Arguments[0] switch
        {
            NameExpr { Parts.Count: 1 } name => name.Parts[0].Value,
            StringLiteral s => s.Value,
            _ => throw c.Wrong("a unit such as HOUR as first argument"),
        };
        return word.ToUpperInvariant() switch
        {
            "YEAR" => "year",
            "QUARTER" => "quarter",
            "MONTH" => "month",
            "WEEK" => "week",
            "DAY" or "DAYOFYEAR" => "day",
            "HOUR" => "hour",
            "MINUTE" => "minute",
            "SECOND" => "second",
            "MILLISECOND" => "millisecond",
            "MICROSECOND" => "microsecond",
            _ => throw c.Wrong($"a unit (YEAR ... MICROSECOND), not {word}"),
        };
    }
}

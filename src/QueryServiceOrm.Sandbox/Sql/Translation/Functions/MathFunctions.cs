namespace QueryServiceOrm.Sandbox.Sql.Translation.Functions;

/// <summary>
/// Spark's math functions: doubles in, doubles out, NaN (not an error) outside a function's domain, NULL for logarithms of
/// non-positive numbers, HALF_UP rounding for round and HALF_EVEN for bround.
/// </summary>
internal static class MathFunctions
{
    private static readonly SparkType D = SparkType.Double;

    public static void Register(FunctionRegistry r)
    {
        foreach (var name in new[] { "acos", "asin", "acosh", "atanh", "sqrt", "cot", "sec", "csc" })
        {
            r.Scalar(name, 1, 1, c => c.Of(PgSql.Call(name, c.Double(0)), D));
        }

        foreach (var name in new[] { "atan", "cos", "cosh", "sin", "sinh", "tan", "tanh", "asinh", "cbrt", "degrees", "radians", "exp" })
        {
            r.Scalar(name, 1, 1, c => c.Of($"{name}({c.Double(0)})", D));
        }

        r.Scalar("atan2", 2, 2, c => c.Of($"atan2({c.Double(0)}, {c.Double(1)})", D));
        r.Scalar("expm1", 1, 1, c => c.Of($"(exp({c.Double(0)}) - 1)", D));
        r.Scalar("hypot", 2, 2, c => c.Of($"sqrt(power({c.Double(0)}, 2) + power({c.Double(1)}, 2))", D));
        r.Scalar("ln", 1, 1, c => c.Of(PgSql.Call("ln", c.Double(0)), D));
        r.Scalar("log10", 1, 1, c => c.Of(PgSql.Call("log_base", "10", c.Double(0)), D));
        r.Scalar("log2", 1, 1, c => c.Of(PgSql.Call("log_base", "2", c.Double(0)), D));
        r.Scalar("log1p", 1, 1, c => c.Of(PgSql.Call("ln", $"1 + {c.Double(0)}"), D));
        r.Scalar(
            "log", 1, 2,
            c => c.Count == 1 ? c.Of(PgSql.Call("ln", c.Double(0)), D) : c.Of(PgSql.Call("log_base", c.Double(0), c.Double(1)), D));
        r.Scalar("pow,power", 2, 2, c => c.Of(PgSql.Call("pow", c.Double(0), c.Double(1)), D));
        r.Scalar("e", 0, 0, c => c.Of("exp(1::double precision)", D));
        r.Scalar("pi", 0, 0, c => c.Of("pi()", D));
        r.Scalar("abs", 1, 1, c => Unary(c, "abs"));
        r.Scalar("negative", 1, 1, c => Unary(c, "-"));
        r.Scalar("positive", 1, 1, c => Numeric(c, 0));
        r.Scalar("sign,signum", 1, 1, c => c.Of($"sign({c.Double(0)})", D));
        r.Scalar("ceil,ceiling", 1, 2, c => Rounding(c, "ceil"));
        r.Scalar("floor", 1, 2, c => Rounding(c, "floor"));
        r.Scalar("round", 1, 2, c => Round(c, halfEven: false));
        r.Scalar("bround", 1, 2, c => Round(c, halfEven: true));
        r.Scalar("rint", 1, 1, c => c.Of($"round({c.Double(0)})", D));
        r.Scalar(
            "factorial", 1, 1,
            c => c.Of($"(CASE WHEN {c.Int(0)} BETWEEN 0 AND 20 THEN factorial({c.Int(0)})::bigint END)", SparkType.Long));
        r.Scalar("greatest", 2, FunctionRegistry.Many, c => Extreme(c, "GREATEST"));
        r.Scalar("least", 2, FunctionRegistry.Many, c => Extreme(c, "LEAST"));
        r.Scalar("mod", 2, 2, c => c.T.Translate(new Syntax.BinaryExpr("%", c.Call.Arguments[0], c.Call.Arguments[1]), c.Scope));
        r.Scalar("pmod", 2, 2, Pmod);
        r.Scalar("div", 2, 2, c => c.T.Translate(new Syntax.BinaryExpr("DIV", c.Call.Arguments[0], c.Call.Arguments[1]), c.Scope));
        r.Scalar("bin", 1, 1, c => c.Of(PgSql.Call("bin", c.Long(0)), SparkType.String));
        r.Scalar("hex", 1, 1, c => c.Arg(0).Type.IsIntegral
            ? c.Of($"upper(to_hex({c.Long(0)}))", SparkType.String)
            : c.Of(
                $"upper(encode({(c.Arg(0).Type == SparkType.Binary ? c.Arg(0).Text : $"convert_to({c.Str(0)}, 'UTF8')")}, 'hex'))",
                SparkType.String));
        r.Scalar("unhex", 1, 1, c => c.Of(PgSql.Call("unhex", c.Str(0)), SparkType.Binary));
        r.Scalar("conv", 3, 3, c => c.Of(PgSql.Call("conv", c.Str(0), c.Int(1), c.Int(2)), SparkType.String));
        r.Scalar("shiftleft", 2, 2, c => Shift(c, "<<"));
        r.Scalar("shiftright", 2, 2, c => Shift(c, ">>"));
        r.Scalar(
            "shiftrightunsigned", 2, 2,
            c => c.Of(
                PgSql.Call("shiftrightunsigned", c.Long(0), c.Int(1), Bits(c)),
                c.Arg(0).Type == SparkType.Long ? SparkType.Long : SparkType.Int));
        r.Scalar("bit_count", 1, 1, c => c.Of(PgSql.Call("bit_count", c.Long(0), Bits(c)), SparkType.Int));
        r.Scalar("bit_get,getbit", 2, 2, c => c.Of($"((({c.Long(0)}) >> ({c.Int(1)})) & 1)::smallint", SparkType.Byte));
        r.Scalar(
            "width_bucket", 4, 4, c => c.Of(PgSql.Call("width_bucket", c.Double(0), c.Double(1), c.Double(2), c.Long(3)), SparkType.Long));
        r.Scalar("try_add", 2, 2, c => c.T.Translate(new Syntax.BinaryExpr("+", c.Call.Arguments[0], c.Call.Arguments[1]), c.Scope));
        r.Scalar("try_subtract", 2, 2, c => c.T.Translate(new Syntax.BinaryExpr("-", c.Call.Arguments[0], c.Call.Arguments[1]), c.Scope));
        r.Scalar("try_multiply", 2, 2, c => c.T.Translate(new Syntax.BinaryExpr("*", c.Call.Arguments[0], c.Call.Arguments[1]), c.Scope));
        r.Scalar("try_divide", 2, 2, c => c.T.Translate(new Syntax.BinaryExpr("/", c.Call.Arguments[0], c.Call.Arguments[1]), c.Scope));
    }

    // Spark counts and shifts an int's 32 bits and a bigint's 64.
    private static string Bits(FunctionCall c) => c.Arg(0).Type == SparkType.Long ? "64" : "32";

    private static TypedSql Unary(FunctionCall c, string function)
    {
        var value = Numeric(c, 0);
        return c.Of($"{function}({value.Text})", value.Type);
    }

    private static TypedSql Numeric(FunctionCall c, int index)
    {
        var value = c.Native(index);
        return value.Type.IsNumeric ? value : c.T.Coerce(value, D);
    }

    // ceil(x) and floor(x) are bigints for doubles and integers, decimals of scale 0 for decimals; with a scale, decimals.
    private static TypedSql Rounding(FunctionCall c, string function)
    {
        var value = Numeric(c, 0);
        if (c.Count == 2)
        {
            var scale = c.Int(1);
            return c.Of(PgSql.Call(function + "_scale", $"{value.Text}::numeric", scale), new DecimalType(38, 18));
        }

        return value.Type is DecimalType d
            ? c.Of(
                $"{function}({value.Text})::numeric({Math.Max(d.Precision - d.Scale + 1, 1)},0)",
                new DecimalType(Math.Max(d.Precision - d.Scale + 1, 1), 0))
            : c.Of($"{function}({value.Text})::bigint", SparkType.Long);
    }

    // round keeps its argument's type; doubles round through decimal, as Spark does (2.5 is 3, not rint's 2).
    private static TypedSql Round(FunctionCall c, bool halfEven)
    {
        var value = Numeric(c, 0);
        var scale = c.Count == 2 ? c.Int(1) : "0";
        var rounded = halfEven ? PgSql.Call("bround", $"{value.Text}::numeric", scale) : $"round({value.Text}::numeric, {scale})";
        return value.Type switch
        {
            DecimalType d => c.Of(
                $"({rounded})", c.Count == 2 && int.TryParse(c.Call.Arguments[1] is Syntax.NumberLiteral n ? n.Digits : "", out var s)
                ? new DecimalType(Math.Max(d.Precision - d.Scale + Math.Max(s, 0) + 1, 1), Math.Max(s, 0))
                : new DecimalType(d.Precision, d.Scale)),
            AtomicType { SparkName: "double" or "float" }
                => c.Of(
                    $"(CASE WHEN {value.Text} IN ('NaN', 'Infinity', '-Infinity') THEN {value.Text} ELSE ({rounded})::"
                    + $"{value.Type.PgName} END)",
                    value.Type),
            _ => c.Of($"({rounded})::{value.Type.PgName}", value.Type),
        };
    }

    // greatest/least skip NULLs, as in Spark; all arguments take their common type.
    private static TypedSql Extreme(FunctionCall c, string function)
    {
        var values = c.Args.Select(c.T.Native).ToList();
        var type = c.T.CommonType(values, c.Call);
        return c.Of($"{function}({string.Join(", ", values.Select(v => c.T.Coerce(v, type).Text))})", type);
    }

    private static TypedSql Pmod(FunctionCall c)
    {
        var a = Numeric(c, 0);
        var b = Numeric(c, 1);
        var type = SparkTypes.WiderNumeric(a.Type, b.Type) ?? D;
        var x = c.T.Coerce(a, type).Text;
        var y = c.T.Coerce(b, type).Text;
        return type is AtomicType { SparkName: "double" or "float" }
            ? c.Of(PgSql.Call("fmod", $"{PgSql.Call("fmod", x, y)} + {y}", y), type)
            : c.Of($"((({x} % NULLIF({y}, 0)) + {y}) % NULLIF({y}, 0))", type);
    }

    private static TypedSql Shift(FunctionCall c, string op)
    {
        var value = c.Native(0);
        var type = value.Type == SparkType.Long ? SparkType.Long : SparkType.Int;
        return c.Of($"({c.T.Coerce(value, type).Text} {op} {c.Int(1)})", type);
    }
}

using static QueryServiceOrm.Sandbox.Sql.Translation.Functions.FunctionRegistry;

namespace QueryServiceOrm.Sandbox.Sql.Translation.Functions;

/// <summary>Spark's string functions. Arguments of other types are cast to strings first, as Spark casts them.</summary>
internal static class StringFunctions
{
    private static readonly SparkType S = SparkType.String;

    public static void Register(FunctionRegistry r)
    {
        r.Scalar("ascii", 1, 1, c => c.Of($"ascii({c.Str(0)})", SparkType.Int));
        r.Scalar("base64", 1, 1, c => c.Of($"translate(encode({Bytes(c, 0)}, 'base64'), E'\\n', '')", S));
        r.Scalar("unbase64", 1, 1, c => c.Of(PgSql.Call("unbase64", c.Str(0)), SparkType.Binary));
        r.Scalar("bit_length", 1, 1, c => c.Of($"bit_length({Bytes(c, 0)})", SparkType.Int));
        r.Scalar("octet_length", 1, 1, c => c.Of($"octet_length({Bytes(c, 0)})", SparkType.Int));
        r.Scalar("char_length,character_length,length,len", 1, 1, c => c.Arg(0).Type == SparkType.Binary
            ? c.Of($"octet_length({c.Arg(0).Text})", SparkType.Int)
            : c.Of($"char_length({c.Str(0)})", SparkType.Int));
        r.Scalar("btrim", 1, 2, c => c.Of(c.Count == 1 ? $"btrim({c.Str(0)})" : $"btrim({c.Str(0)}, {c.Str(1)})", S));
        r.Scalar("trim", 1, 2, c => Trim(c, "btrim"));
        r.Scalar("ltrim", 1, 2, c => Trim(c, "ltrim"));
        r.Scalar("rtrim", 1, 2, c => Trim(c, "rtrim"));
        r.Scalar("char,chr", 1, 1, c => c.Of(PgSql.Call("chr", c.Long(0)), S));
        r.Scalar("concat", 0, Many, c => c.T.Concat(c.Args));
        r.Scalar("concat_ws", 1, Many, ConcatWs);
        r.Scalar("contains", 2, 2, c => TypedSql.Bool($"(strpos({c.Str(0)}, {c.Str(1)}) > 0)"));
        r.Scalar("startswith", 2, 2, c => TypedSql.Bool($"starts_with({c.Str(0)}, {c.Str(1)})"));
        r.Scalar("endswith", 2, 2, c => TypedSql.Bool($"(right({c.Str(0)}, char_length({c.Str(1)})) = {c.Str(1)})"));
        r.Scalar("encode", 2, 2, c => c.Of($"convert_to({c.Str(0)}, {PgSql.Call("charset", c.Str(1))})", SparkType.Binary));
        r.Scalar("decode", 2, Many, Decode);
        r.Scalar("elt", 2, Many, c => c.Of($"(ARRAY[{string.Join(", ", Enumerable.Range(1, c.Count - 1).Select(c.Str))}])[{c.Int(0)}]", S));
        r.Scalar("find_in_set", 2, 2, c => c.Of(PgSql.Call("find_in_set", c.Str(0), c.Str(1)), SparkType.Int));
        r.Scalar("format_number", 2, 2, c => c.Arg(1).Type.IsIntegral
            ? c.Of(PgSql.Call("format_number", $"{c.Native(0).Text}::numeric", c.Int(1)), S)
            : c.Of(PgSql.Call("format_number_pattern", $"{c.Native(0).Text}::numeric", c.Str(1)), S));
        r.Scalar("initcap", 1, 1, c => c.Of(PgSql.Call("initcap", c.Str(0)), S));
        r.Scalar("instr", 2, 2, c => c.Of($"strpos({c.Str(0)}, {c.Str(1)})", SparkType.Int));
        r.Scalar("lcase,lower", 1, 1, c => c.Of($"lower({c.Str(0)})", S));
        r.Scalar("ucase,upper", 1, 1, c => c.Of($"upper({c.Str(0)})", S));
        r.Scalar("left", 2, 2, c => c.Of($"left({c.Str(0)}, greatest({c.Int(1)}, 0))", S));
        r.Scalar("right", 2, 2, c => c.Of($"right({c.Str(0)}, greatest({c.Int(1)}, 0))", S));
        r.Scalar("levenshtein", 2, 3, c => c.Count == 2
            ? c.Of(PgSql.Call("levenshtein", c.Str(0), c.Str(1)), SparkType.Int)
            : c.Of(PgSql.Call("levenshtein_within", c.Str(0), c.Str(1), c.Int(2)), SparkType.Int));
        r.Scalar("locate", 2, 3, c => c.Of(PgSql.Call("locate", c.Str(0), c.Str(1), c.Count == 3 ? c.Int(2) : "1"), SparkType.Int));
        r.Scalar("position", 2, 3, c => c.Of(PgSql.Call("locate", c.Str(0), c.Str(1), c.Count == 3 ? c.Int(2) : "1"), SparkType.Int));
        r.Scalar("lpad", 2, 3, c => c.Of($"lpad({c.Str(0)}, {c.Int(1)}, {(c.Count == 3 ? c.Str(2) : "' '")})", S));
        r.Scalar("rpad", 2, 3, c => c.Of($"rpad({c.Str(0)}, {c.Int(1)}, {(c.Count == 3 ? c.Str(2) : "' '")})", S));
        r.Scalar("mask", 1, 5, Mask);
        r.Scalar("overlay", 3, 4, c => c.Of(PgSql.Call("overlay", c.Str(0), c.Str(1), c.Int(2), c.Count == 4 ? c.Int(3) : "-1"), S));
        r.Scalar(
            "regexp_count", 2, 2,
            c => c.Of($"(SELECT count(*)::integer FROM regexp_matches({c.Str(0)}, {Regex(c, 1)}, 'g'))", SparkType.Int));
        r.Scalar("regexp_extract", 2, 3, c => c.Of(PgSql.Call("regexp_extract", c.Str(0), Regex(c, 1), c.Count == 3 ? c.Int(2) : "1"), S));
        r.Scalar(
            "regexp_extract_all", 2, 3,
            c => c.Of(PgSql.Call("regexp_extract_all", c.Str(0), Regex(c, 1), c.Count == 3 ? c.Int(2) : "1"), new ArrayType(S)));
        r.Scalar("regexp_instr", 2, 3, c => c.Of($"regexp_instr({c.Str(0)}, {Regex(c, 1)})", SparkType.Int));
        r.Scalar("regexp_like,regexp,rlike", 2, 2, c => TypedSql.Bool($"({c.Str(0)} ~ {Regex(c, 1)})"));
        r.Scalar(
            "regexp_replace", 3, 4,
            c => c.Of(PgSql.Call("regexp_replace", c.Str(0), Regex(c, 1), JavaRegex.Replacement(c, 2), c.Count == 4 ? c.Int(3) : "1"), S));
        r.Scalar("regexp_substr", 2, 2, c => c.Of($"NULLIF(substring({c.Str(0)} FROM {Regex(c, 1)}), '')", S));
        r.Scalar("repeat", 2, 2, c => c.Of($"repeat({c.Str(0)}, {c.Int(1)})", S));
        r.Scalar("replace", 2, 3, c => c.Of($"replace({c.Str(0)}, {c.Str(1)}, {(c.Count == 3 ? c.Str(2) : "''")})", S));
        r.Scalar("soundex", 1, 1, c => c.Of(PgSql.Call("soundex", c.Str(0)), S));
        r.Scalar("space", 1, 1, c => c.Of($"repeat(' ', {c.Int(0)})", S));
        r.Scalar("split", 2, 3, c => c.Of(PgSql.Call("split", c.Str(0), Regex(c, 1), c.Count == 3 ? c.Int(2) : "-1"), new ArrayType(S)));
        r.Scalar("split_part", 3, 3, c => c.Of($"split_part({c.Str(0)}, {c.Str(1)}, {c.Int(2)})", S));
        r.Scalar("substr,substring", 2, 3, c => c.Arg(0).Type == SparkType.Binary
            ? c.Of(PgSql.Call("substr_binary", c.Arg(0).Text, c.Int(1), c.Count == 3 ? c.Int(2) : "2147483647"), SparkType.Binary)
            : c.Of(PgSql.Call("substr", c.Str(0), c.Int(1), c.Count == 3 ? c.Int(2) : "2147483647"), S));
        r.Scalar("substring_index", 3, 3, c => c.Of(PgSql.Call("substring_index", c.Str(0), c.Str(1), c.Int(2)), S));
        r.Scalar("translate", 3, 3, c => c.Of($"translate({c.Str(0)}, {c.Str(1)}, {c.Str(2)})", S));
        r.Scalar("to_binary", 1, 2, ToBinary);
    }

    // The bytes of a string or binary value.
    private static string Bytes(FunctionCall c, int index)
        => c.Arg(index).Type == SparkType.Binary ? c.Arg(index).Text : $"convert_to({c.Str(index)}, 'UTF8')";

    // trim(str) and trim(str, chars); the TRIM(BOTH chars FROM str) forms arrive in this order from the parser.
    private static TypedSql Trim(FunctionCall c, string function)
        => c.Of(c.Count == 1 ? $"{function}({c.Str(0)}, ' ')" : $"{function}({c.Str(0)}, {c.Str(1)})", S);

    // NULLs are skipped; arrays of strings contribute their elements; a NULL separator makes NULL.
    private static TypedSql ConcatWs(FunctionCall c)
    {
        var separator = c.Str(0);
        if (c.Count == 1)
        {
            return c.Of($"(CASE WHEN {separator} IS NULL THEN NULL ELSE '' END)", S);
        }

        var parts = Enumerable.Range(1, c.Count - 1).Select(i => c.Arg(i).Type is ArrayType
            ? $"NULLIF(array_to_string({c.T.Coerce(c.Arg(i), new ArrayType(S)).Text}, {separator}), '')"
            : c.Str(i));
        return c.Of($"concat_ws({separator}, {string.Join(", ", parts)})", S);
    }

    // decode(binary, charset), or decode(expr, search1, result1, ..., default): Oracle's CASE, NULL matching NULL.
    private static TypedSql Decode(FunctionCall c)
    {
        if (c.Count == 2)
        {
            return c.Of($"convert_from({c.Arg(0).Text}, {PgSql.Call("charset", c.Str(1))})", S);
        }

        var value = c.Arg(0);
        var results = Enumerable.Range(0, (c.Count - 1) / 2).Select(i => c.Arg(2 + (i * 2))).ToList();
        var fallback = c.Count % 2 == 0 ? c.Arg(c.Count - 1) : null;
        var type = c.T.CommonType([.. results, .. fallback is null ? Array.Empty<TypedSql>() : [fallback]], c.Call);
        var whens = Enumerable.Range(0, (c.Count - 1) / 2).Select(i =>
            $"WHEN {c.T.Comparison("IS NOT DISTINCT FROM", value, c.Arg(1 + (i * 2)), c.Call).Text} THEN "
            + $"{c.T.Coerce(results[i], type).Text}");
        return c.Of($"(CASE {string.Join(" ", whens)} ELSE {(fallback is null ? "NULL" : c.T.Coerce(fallback, type).Text)} END)", type);
    }

    // mask(str, upper 'X', lower 'x', digit 'n', other NULL): a NULL replacement keeps those characters.
    private static TypedSql Mask(FunctionCall c)
    {
        string Replacement(int index, string fallback) => index < c.Count ? c.Str(index) : fallback;
        return c.Of(
            PgSql.Call("mask", c.Str(0), Replacement(1, "'X'"), Replacement(2, "'x'"), Replacement(3, "'n'"), Replacement(4, "NULL::text")),
            S);
    }

    private static TypedSql ToBinary(FunctionCall c)
    {
        var format = c.Count == 2 ? c.Constant(1)?.ToLowerInvariant() : "hex";
        return format switch
        {
            "hex" => c.Of(PgSql.Call("unhex", c.Str(0)), SparkType.Binary),
            "utf-8" or "utf8" => c.Of($"convert_to({c.Str(0)}, 'UTF8')", SparkType.Binary),
            "base64" => c.Of(PgSql.Call("unbase64", c.Str(0)), SparkType.Binary),
            _ => throw c.Wrong("a format of 'hex', 'utf-8' or 'base64'"),
        };
    }

    // A Java regular expression as PostgreSQL's: translated here when it is a constant.
    private static string Regex(FunctionCall c, int index)
        => c.Constant(index) is { } pattern ? PgSql.Literal(JavaRegex.ToPostgres(pattern)) : c.Str(index);
}

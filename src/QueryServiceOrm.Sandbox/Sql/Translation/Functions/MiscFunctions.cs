using QueryServiceOrm.Sandbox.Sql.Syntax;

namespace QueryServiceOrm.Sandbox.Sql.Translation.Functions;

/// <summary>struct and named_struct, typeof, the session's names, hashes, and the functions the sandbox refuses honestly.</summary>
internal static class MiscFunctions
{
    /// <summary>What version() answers: the Spark grammar the emulator follows.</summary>
    public const string SparkVersion = "3.5.1 QueryServiceOrm.Sandbox";

    public static void Register(FunctionRegistry r)
    {
        r.Scalar("struct", 0, FunctionRegistry.Many, Struct);
        r.Scalar("named_struct", 2, FunctionRegistry.Many, NamedStruct);
        r.Scalar("typeof", 1, 1, c => c.Of(PgSql.Literal(c.Arg(0).Type.Name), SparkType.String));
        r.Scalar("version", 0, 0, c => c.Of(PgSql.Literal(SparkVersion), SparkType.String));
        r.Scalar("current_database,current_schema", 0, 0, c => c.Of("'public'", SparkType.String));
        r.Scalar("current_catalog", 0, 0, c => c.Of("'spark_catalog'", SparkType.String));
        r.Scalar("current_user,user,session_user", 0, 0, c => c.Of(PgSql.Literal(c.T.Context.Session.User), SparkType.String));
        r.Scalar("md5", 1, 1, c => c.Of($"md5({Bytes(c)})", SparkType.String));
        r.Scalar("sha,sha1", 1, 1, c => c.Of($"encode({PgSql.Call("digest", Bytes(c), "'sha1'")}, 'hex')", SparkType.String));
        r.Scalar("sha2", 2, 2, c => c.Of(PgSql.Call("sha2", Bytes(c), c.Int(1)), SparkType.String));
        r.Scalar("crc32", 1, 1, c => c.Of(PgSql.Call("crc32", Bytes(c)), SparkType.Long));
        r.Scalar("uuid", 0, 0, c => c.Of("gen_random_uuid()::text", SparkType.String));
        r.Scalar("spark_partition_id", 0, 0, c => c.Of("0", SparkType.Int));
        r.Scalar("input_file_name", 0, 0, c => c.Of("''", SparkType.String));
        r.Scalar("monotonically_increasing_id", 0, 0, c => c.Of("(row_number() OVER () - 1)", SparkType.Long));
        foreach (var (names, why) in new[]
                 {
                     ("hash,xxhash64", "Spark's Murmur3 and xxHash64 hashes are not reproduced."),
                     ("rand,random,randn,shuffle", "random values cannot be compared with the service's."),
                     ("aes_encrypt,aes_decrypt,try_aes_decrypt,reflect,java_method", "they run Java code of Spark's."),
                     ("window,session_window,window_time", "streaming windows are not emulated; group by date_trunc(...) instead."),
                     ("from_csv,to_csv,schema_of_csv,schema_of_json", "CSV and schema inference are not emulated."),
                     ("format_string,printf", "Java's Formatter is not reproduced; build the text with concat and format_number."),
                 })
        {
            r.Scalar(
                names, 0, FunctionRegistry.Many,
                c => throw new ServiceErrorException(ServiceRules.NotEmulated($"The function {c.Name}", why)));
        }
    }

    private static string Bytes(FunctionCall c) => c.Arg(0).Type == SparkType.Binary ? c.Arg(0).Text : $"convert_to({c.Str(0)}, 'UTF8')";

    // struct(a, b AS x, 1): fields named by an alias, a column's name, or col1, col2, ... by position.
    private static TypedSql Struct(FunctionCall c)
    {
        var fields = c.Call.Arguments.Select((argument, i) => argument switch
        {
            AliasedExpr aliased => (aliased.Alias.Value, c.T.Translate(aliased.Value, c.Scope)),
            NameExpr name => (name.Parts[^1].Value, c.Arg(i)),
            FieldExpr field => (field.Field.Value, c.Arg(i)),
            _ => ($"col{i + 1}", c.Arg(i)),
        }).ToList();
        return c.T.Struct(fields);
    }

    private static TypedSql NamedStruct(FunctionCall c)
    {
        if (c.Count % 2 != 0)
        {
            throw c.Wrong("names and values in pairs");
        }

        var fields = Enumerable.Range(0, c.Count / 2)
            .Select(i => (c.Constant(2 * i) ?? throw c.Wrong("constant strings as field names"), c.Arg((2 * i) + 1)))
            .ToList();
        return c.T.Struct(fields);
    }
}

using QueryServiceOrm.Sandbox.Sql.Parsing;
using QueryServiceOrm.Sandbox.Sql.Syntax;

namespace QueryServiceOrm.Sandbox.Sql.Translation.Functions;

/// <summary>to_json, from_json, get_json_object, json_array_length, json_object_keys: JSON as compact text, as Spark writes it;
/// text that is not JSON gives NULL.</summary>
internal static class JsonFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Scalar("to_json", 1, 2, c => c.Count == 2
            ? throw new ServiceErrorException(
                ServiceRules.NotEmulated("to_json with options", "the sandbox writes JSON in Spark's default form only."))
            : c.Of(PgSql.Call("json_text", c.Arg(0).HeldAsJson ? c.Arg(0).Text : $"to_json({c.Arg(0).Text})"), SparkType.String));
        r.Scalar("from_json", 2, 3, FromJson);
        r.Scalar("get_json_object", 2, 2, c => c.Of(PgSql.Call("get_json_object", c.Str(0), c.Str(1)), SparkType.String));
        r.Scalar("json_array_length", 1, 1, c => c.Of(PgSql.Call("json_array_length", c.Str(0)), SparkType.Int));
        r.Scalar("json_object_keys", 1, 1, c => c.Of(PgSql.Call("json_object_keys", c.Str(0)), new ArrayType(SparkType.String)));
    }

    // from_json(text, 'a INT, b DOUBLE' or a type such as 'map<string,int>'): the text read into that type.
    private static TypedSql FromJson(FunctionCall c)
    {
        if (c.Count == 3)
        {
            throw new ServiceErrorException(
                ServiceRules.NotEmulated("from_json with options", "the sandbox reads JSON in Spark's default form only."));
        }

        var schema = c.Constant(1) ?? throw c.Wrong("a constant schema");
        var type = SparkType.From(Schema(schema), c.T.StructName);
        c.T.Context.Require(type);
        return c.T.Native(new TypedSql(PgSql.Call("try_jsonb", c.Str(0)), type, IsJson: true));
    }

    // A schema is a data type, or a list of fields as in a CREATE TABLE (Spark's DDL format).
    private static DataTypeSyntax Schema(string schema)
    {
        try
        {
            return SparkParser.ParseDataType(schema);
        }
        catch (ServiceErrorException)
        {
            return SparkParser.ParseDataType($"struct<{schema}>");
        }
    }
}

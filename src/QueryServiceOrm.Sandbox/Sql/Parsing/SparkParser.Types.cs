using QueryServiceOrm.Sandbox.Sql.Syntax;

namespace QueryServiceOrm.Sandbox.Sql.Parsing;

// Data types: Spark's (int, decimal(10,2), ARRAY<t>, MAP<k, v>, STRUCT<a: t>) and Query Service's ROW(a t, ...).
internal sealed partial class SparkParser
{
    private DataTypeSyntax DataType()
    {
        var position = Current.Position;
        var name = Name().Value.ToLowerInvariant();
        switch (name)
        {
            case "array":
                ExpectSymbol("<");
                var element = DataType();
                ExpectSymbol(">");
                return At(position, new ArrayTypeSyntax(element));
            case "map":
                ExpectSymbol("<");
                var key = DataType();
                ExpectSymbol(",");
                var value = DataType();
                ExpectSymbol(">");
                return At(position, new MapTypeSyntax(key, value));
            case "struct":
                ExpectSymbol("<");
                var fields = AtSymbol(">") ? [] : CommaSeparated(() =>
                {
                    var field = Name();
                    AcceptSymbol(":");
                    return (field, DataType());
                });
                ExpectSymbol(">");
                return At(position, new StructTypeSyntax(fields));
            case "row" when AtSymbol("("):
                _index++;
                var rowFields = CommaSeparated(() => (Name(), DataType()));
                ExpectSymbol(")");
                return At(position, new StructTypeSyntax(rowFields));
            case "double" when Accept("PRECISION"):
                return At(position, new PrimitiveTypeSyntax("double", []));
        }

        var arguments = new List<int>();
        if (AcceptSymbol("("))
        {
            arguments.AddRange(CommaSeparated(() => int.Parse(Advance().Value, System.Globalization.CultureInfo.InvariantCulture)));
            ExpectSymbol(")");
        }

        return At(position, new PrimitiveTypeSyntax(name, arguments));
    }
}

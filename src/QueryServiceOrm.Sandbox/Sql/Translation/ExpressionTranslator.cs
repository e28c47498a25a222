using QueryServiceOrm.Sandbox.Sql.Syntax;

namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>
/// Translates Spark SQL expressions to PostgreSQL with Spark's semantics: its types and implicit casts, integer division that
/// divides as doubles, NULL for division by zero, 0-based arrays, struct fields by dot paths, maps as JSON.
/// </summary>
internal sealed partial class ExpressionTranslator(TranslationContext context, QueryTranslator queries)
{
    public TranslationContext Context { get; } = context;

    public QueryTranslator Queries { get; } = queries;

    public TypedSql Translate(Expr expression, Scope scope)
        => expression switch
        {
            NullLiteral => TypedSql.Null,
            BooleanLiteral b => TypedSql.Bool(b.Value ? "TRUE" : "FALSE"),
            NumberLiteral n => Number(n),
            StringLiteral s => StringConstant(s.Value, s.Position),
            TypedLiteral t => Typed(t),
            IntervalLiteral i => Interval(i),
            NameExpr name => Resolve(name, scope),
            FieldExpr field => Field(Translate(field.Base, scope), field.Field.Value, field.Position),
            SubscriptExpr subscript => Subscript(Translate(subscript.Base, scope), subscript.Index, scope, subscript.Position),
            ParameterExpr parameter => Parameter(parameter),
            CallExpr call => SparkFunctions.Translate(call, this, scope),
            UnaryExpr unary => Unary(unary, scope),
            BinaryExpr binary => Binary(binary, scope),
            BetweenExpr between => Between(between, scope),
            InListExpr inList => InList(inList, scope),
            InQueryExpr inQuery => InQuery(inQuery, scope),
            LikeExpr like => Like(like, scope),
            IsExpr isExpr => Is(isExpr, scope),
            IsDistinctExpr distinct => IsDistinct(distinct, scope),
            CaseExpr caseExpr => Case(caseExpr, scope),
            CastExpr cast => SparkType.From(cast.Type, StructName) is var type && ConstantCasts.Floating(cast, type) is { } constant
                ? constant
                : Cast(Translate(cast.Value, scope), type, cast.Position),
            ExistsExpr exists => TypedSql.Bool($"(EXISTS ({Queries.Translate(exists.Query, scope).Sql}))"),
            SubqueryExpr subquery => ScalarSubquery(subquery, scope),
            RowExpr row => Struct(row.Items.Select((item, i) => ($"col{i + 1}", Translate(item, scope))).ToList()),
            ExtractExpr extract => SparkFunctions.Extract(extract.Field, Translate(extract.Source, scope), this, extract.Position),
            LambdaExpr lambda => throw Error(
                ServiceRules.Analysis($"A lambda function is only allowed as an argument of a higher-order function"), lambda),
            StarExpr star => throw Error(ServiceRules.Analysis("Invalid usage of '*' in an expression"), star),
            VariableExpr variable => throw Error(
                ServiceRules.NotEmulated($"The variable @{variable.Name}", "variables exist only inside an anonymous block ($$ ... $$)."),
                variable),
            _ => throw new ArgumentOutOfRangeException(nameof(expression), expression.GetType().Name),
        };

    /// <summary>The struct type the front makes for a shape (its composite type is created before the statement runs).</summary>
    public string StructName(StructType shape) => Context.Struct(shape.Fields).PgTypeName;

    /// <summary>A struct of named values (struct(...), named_struct(...), a row).</summary>
    public TypedSql Struct(IReadOnlyList<(string Name, TypedSql Value)> fields)
    {
        var natives = fields.Select(f => (f.Name, Value: Native(f.Value))).ToList();
        // A NULL field is void, as in Spark, so a UNION with a typed struct widens to that side's field type.
        var type = Context.Struct(natives.Select(f => new StructField(f.Name, f.Value.Type)).ToList());
        var values = natives.Select((f, i) => Coerce(f.Value, type.Fields[i].Type).Text);
        return new TypedSql($"(ROW({string.Join(", ", values)})::{type.PgTypeName})", type);
    }

    private static ServiceErrorException Error(ServiceError error, Node at) => new(error with { Detail = error.Detail ?? At(at) });

    private static string? At(Node node)
        => node.Position > 0 ? string.Create(CultureInfo.InvariantCulture, $"At character {node.Position + 1}.") : null;

    // Spark: an integer literal is an int if it fits, a bigint if that fits, a decimal otherwise; with a point it is a decimal,
    // with an exponent a double; suffixes L, S, Y, F, D, BD choose the type.
    private static TypedSql Number(NumberLiteral n)
    {
        var digits = n.Digits;
        var hasExponent = digits.Contains('e', StringComparison.OrdinalIgnoreCase);
        var hasPoint = digits.Contains('.', StringComparison.Ordinal);
        return n.Suffix switch
        {
            "L" => new TypedSql($"({digits}::bigint)", SparkType.Long),
            "S" => new TypedSql($"({digits}::smallint)", SparkType.Short),
            "Y" => new TypedSql($"({digits}::smallint)", SparkType.Byte),
            "D" => new TypedSql($"({digits}::double precision)", SparkType.Double),
            "F" => new TypedSql($"({digits}::real)", SparkType.Float),
            "BD" => Decimal(digits),
            _ when hasExponent => new TypedSql($"({digits}::double precision)", SparkType.Double),
            _ when hasPoint => Decimal(digits),
            _ when int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                => new TypedSql(Signed(digits), SparkType.Int),
            _ when long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                => new TypedSql($"({digits}::bigint)", SparkType.Long),
            _ => Decimal(digits),
        };
    }

    private static string Signed(string digits) => digits.StartsWith('-') ? $"({digits})" : digits;

    private static TypedSql Decimal(string digits)
    {
        var value = digits.TrimStart('-', '+');
        var point = value.IndexOf('.', StringComparison.Ordinal);
        var scale = point < 0 ? 0 : value.Length - point - 1;
        var integerDigits = (point < 0 ? value : value[..point]).TrimStart('0').Length;
        var precision = Math.Max(integerDigits + scale, 1);
        var type = new DecimalType(Math.Max(precision, scale), scale);
        return new TypedSql($"({digits}::{type.PgName})", type);
    }

    private static TypedSql StringConstant(string value, int position)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ServiceErrorException(
                ServiceRules.NotEmulated("A string holding the NUL character", "PostgreSQL text cannot hold it.") with
            {
                Detail = string.Create(CultureInfo.InvariantCulture, $"At character {position + 1}."),
            });
        }

        return new TypedSql(PgSql.Literal(value), SparkType.String);
    }

    private static TypedSql Typed(TypedLiteral literal)
        => ConstantCasts.DateTime(literal) ?? literal.TypeName switch
        {
            "DATE" => new TypedSql(PgSql.Call("to_date", PgSql.Literal(literal.Value)), SparkType.Date).Checked(literal, "DATE"),
            "X" => new TypedSql($"('\\x{literal.Value}'::bytea)", SparkType.Binary),
            _ => new TypedSql(PgSql.Call("to_timestamp", PgSql.Literal(literal.Value)), SparkType.Timestamp).Checked(literal, "TIMESTAMP"),
        };

    private static TypedSql Interval(IntervalLiteral interval)
    {
        var parts = new List<string>();
        foreach (var (quantity, unit) in interval.Parts)
        {
            if (unit.Contains(" TO ", StringComparison.Ordinal))
            {
                parts.Add(IntervalRange(quantity, unit));
            }
            else
            {
                parts.Add(unit.Length == 0 ? quantity : $"{quantity} {unit.ToLowerInvariant()}");
            }
        }

        return new TypedSql($"(INTERVAL {PgSql.Literal(string.Join(" ", parts))})", SparkType.Interval);
    }

    // INTERVAL '1-2' YEAR TO MONTH, '1 10:30:00' DAY TO SECOND and the like, in PostgreSQL's words.
    private static string IntervalRange(string quantity, string unit)
        => unit switch
        {
            "YEAR TO MONTH" when quantity.Split('-') is [var years, var months] => $"{years} years {months} months",
            _ => quantity,
        };

    private TypedSql Parameter(ParameterExpr parameter)
    {
        var oid = parameter.Number - 1 < Context.ParameterTypes.Count ? Context.ParameterTypes[parameter.Number - 1] : 0;
        SparkType type = oid switch
        {
            16 => SparkType.Boolean,
            20 => SparkType.Long,
            21 => SparkType.Short,
            23 => SparkType.Int,
            700 => SparkType.Float,
            701 => SparkType.Double,
            1700 => new DecimalType(38, 18),
            25 or 1043 or 1042 => SparkType.String,
            1082 => SparkType.Date,
            1114 or 1184 => SparkType.Timestamp,
            17 => SparkType.Binary,
            _ => SparkType.Unknown,
        };
        return new TypedSql(FormattableString.Invariant($"${parameter.Number}"), type);
    }

    private TypedSql ScalarSubquery(SubqueryExpr subquery, Scope scope)
    {
        var query = Queries.Translate(subquery.Query, scope);
        if (query.Columns.Count != 1)
        {
            throw Error(ServiceRules.Analysis($"Scalar subquery must return only one column, but got {query.Columns.Count}"), subquery);
        }

        return new TypedSql($"({query.Sql})", query.Columns[0].Type);
    }

    private TypedSql Unary(UnaryExpr unary, Scope scope)
    {
        var operand = Translate(unary.Operand, scope);
        switch (unary.Operator)
        {
            case "NOT":
                return TypedSql.Bool($"(NOT {Coerce(operand, SparkType.Boolean).Text})");
            case "+":
                return operand;
            case "~":
                return new TypedSql($"(~ {Native(operand).Text})", operand.Type);
            default:
                var value = NumericOperand(operand);
                return new TypedSql($"(- {value.Text})", value.Type);
        }
    }

    private TypedSql Binary(BinaryExpr binary, Scope scope)
    {
        var left = Translate(binary.Left, scope);
        var right = Translate(binary.Right, scope);
        return binary.Operator switch
        {
            "AND"
                or "OR" => TypedSql.Bool(
                    $"({Coerce(left, SparkType.Boolean).Text} {binary.Operator} {Coerce(right, SparkType.Boolean).Text})"),
            "=" or "<>" or "!=" or "<" or "<=" or ">" or ">="
                => Comparison(binary.Operator == "!=" ? "<>" : binary.Operator, left, right, binary),
            "!<" => Comparison(">=", left, right, binary),
            "!>" => Comparison("<=", left, right, binary),
            "<=>" => Comparison("IS NOT DISTINCT FROM", left, right, binary),
            "||" => Concat([left, right]),
            "+" or "-" or "*" => Arithmetic(left, right, binary),
            "/" => Divide(left, right, binary),
            "%" => Remainder(left, right, binary),
            "DIV" => IntegerDivide(left, right, binary),
            "&" or "|" or "^" => Bitwise(binary.Operator == "^" ? "#" : binary.Operator, left, right),
            _ => throw new ArgumentOutOfRangeException(nameof(binary), binary.Operator),
        };
    }

    /// <summary>A comparison, both sides cast to the type Spark compares them as.</summary>
    public TypedSql Comparison(string op, TypedSql left, TypedSql right, Node at)
    {
        var common = SparkTypes.Common(left.Type, right.Type, comparison: true)
                     ?? throw Error(ServiceRules.TypeMismatch($"cannot compare {left.Type} with {right.Type}"), at);
        return TypedSql.Bool($"({Coerce(left, common).Text} {op} {Coerce(right, common).Text})");
    }

    /// <summary><c>||</c> and concat(...): arrays are joined, anything else concatenated as strings; NULL if any part is NULL.</summary>
    public TypedSql Concat(IReadOnlyList<TypedSql> parts)
    {
        if (parts.Count > 0 && parts.All(p => p.Type is ArrayType || p.Type == SparkType.Null) && parts.Any(p => p.Type is ArrayType))
        {
            var type = parts.Select(p => p.Type).Aggregate((a, b) => SparkTypes.Common(a, b) ?? a);
            return new TypedSql($"({string.Join(" || ", parts.Select(p => Coerce(p, type).Text))})", type);
        }

        if (parts.Count == 0)
        {
            return new TypedSql("''", SparkType.String);
        }

        return new TypedSql($"({string.Join(" || ", parts.Select(p => AsString(p).Text))})", SparkType.String);
    }

    private TypedSql Arithmetic(TypedSql left, TypedSql right, BinaryExpr at)
    {
        var op = at.Operator;
        if (left.Type == SparkType.Date && right.Type.IsIntegral && op is "+" or "-")
        {
            return new TypedSql($"({left.Text} {op} {Native(right).Text})", SparkType.Date);
        }

        if (left.Type == SparkType.Timestamp && right.Type == SparkType.Interval && op is "+" or "-")
        {
            return new TypedSql($"({left.Text}::timestamp {op} {right.Text})", SparkType.Timestamp);
        }

        if (left.Type == SparkType.Date && right.Type == SparkType.Interval && op is "+" or "-")
        {
            return new TypedSql($"({left.Text}::timestamp {op} {right.Text})", SparkType.Timestamp);
        }

        if (left.Type == SparkType.Interval && right.Type == SparkType.Interval)
        {
            return new TypedSql($"({left.Text} {op} {right.Text})", SparkType.Interval);
        }

        if (op == "-"
            && left.Type is AtomicType { SparkName: "date" or "timestamp" }
            && right.Type is AtomicType { SparkName: "date" or "timestamp" })
        {
            return new TypedSql($"({left.Text}::timestamp - {right.Text}::timestamp)", SparkType.Interval);
        }

        var (a, b, type) = NumericOperands(left, right, at);
        var result = new TypedSql($"({a.Text} {op} {b.Text})", type);
        return type is DecimalType && op == "*"
            ? RoundDecimal(result, Multiplied(OperandDecimal(at.Left, left), OperandDecimal(at.Right, right)))
            : result;
    }

    // Spark's result type for decimal multiplication (precision p1 + p2 + 1, scale s1 + s2, bounded to 38 digits).
    private static DecimalType Multiplied(DecimalType x, DecimalType y)
        => DecimalPrecision.Bounded(x.Precision + y.Precision + 1, x.Scale + y.Scale);

    private TypedSql Divide(TypedSql left, TypedSql right, BinaryExpr at)
    {
        var (a, b, type) = NumericOperands(left, right, at);
        if (type is DecimalType)
        {
            var scaled = DecimalPrecision.Divided(OperandDecimal(at.Left, left), OperandDecimal(at.Right, right));
            return RoundDecimal(new TypedSql($"({a.Text}::numeric / NULLIF({b.Text}, 0))", scaled), scaled);
        }

        return new TypedSql($"({a.Text}::double precision / NULLIF({b.Text}::double precision, 0))", SparkType.Double);
    }

    private TypedSql Remainder(TypedSql left, TypedSql right, Node at)
    {
        var (a, b, type) = NumericOperands(left, right, at);
        return type is AtomicType { SparkName: "double" or "float" }
            ? new TypedSql(PgSql.Call("fmod", a.Text, b.Text), type)
            : new TypedSql($"({a.Text} % NULLIF({b.Text}, 0))", type);
    }

    private TypedSql IntegerDivide(TypedSql left, TypedSql right, Node at)
    {
        var (a, b, type) = NumericOperands(left, right, at);
        return type.IsIntegral
            ? new TypedSql($"({a.Text}::bigint / NULLIF({b.Text}::bigint, 0))", SparkType.Long)
            : new TypedSql($"(trunc({a.Text}::numeric / NULLIF({b.Text}::numeric, 0))::bigint)", SparkType.Long);
    }

    private TypedSql Bitwise(string op, TypedSql left, TypedSql right)
    {
        var type = SparkTypes.WiderNumeric(left.Type, right.Type) ?? SparkType.Long;
        return new TypedSql($"({Coerce(left, type).Text} {op} {Coerce(right, type).Text})", type);
    }

    // Strings in arithmetic are read as doubles (Spark's implicit cast); the result has the wider of the two types.
    private (TypedSql Left, TypedSql Right, SparkType Type) NumericOperands(TypedSql left, TypedSql right, Node at)
    {
        left = NumericOperand(left);
        right = NumericOperand(right);
        var type = SparkTypes.WiderNumeric(left.Type, right.Type)
                   ?? throw Error(ServiceRules.TypeMismatch($"cannot apply an arithmetic operator to {left.Type} and {right.Type}"), at);
        return (Coerce(left, type), Coerce(right, type), type);
    }

    private TypedSql NumericOperand(TypedSql value)
    {
        value = Native(value);
        return value.Type == SparkType.String || value.Type == SparkType.Unknown ? Cast(value, SparkType.Double, 0)
            : value.Type == SparkType.Null ? new TypedSql("NULL::integer", SparkType.Int)
            : value;
    }

    // Spark sizes each operand of decimal arithmetic on its own, before widening: an integer literal by its digits
    // (DecimalType.fromLiteral; the parser has already folded a leading minus into the literal), any other integer by its
    // type's range.
    private static DecimalType OperandDecimal(Expr expression, TypedSql operand)
        => expression is NumberLiteral { Suffix: "" } literal && operand.Type.IsIntegral && literal.Digits.TrimStart('-') is var digits
           && digits.Length > 0 && digits.All(char.IsAsciiDigit)
            ? new DecimalType(Math.Max(1, digits.TrimStart('0').Length), 0)
            : AsDecimal(operand.Type);

    private static DecimalType AsDecimal(SparkType type)
        => type as DecimalType ?? type switch
        {
            AtomicType { SparkName: "tinyint" } => new DecimalType(3, 0),
            AtomicType { SparkName: "smallint" } => new DecimalType(5, 0),
            AtomicType { SparkName: "int" } => new DecimalType(10, 0),
            _ => new DecimalType(20, 0),
        };

    /// <summary>A decimal value rounded (half up) to a Spark result type's scale, as Spark shows it.</summary>
    public static TypedSql RoundDecimal(TypedSql value, DecimalType type)
        => new($"(round({value.Text}, {type.Scale})::{type.PgName})", type);
}

namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>Spark's decimal result types (DecimalPrecision, with precision loss allowed).</summary>
internal static class DecimalPrecision
{
    public static DecimalType Divided(DecimalType a, DecimalType b)
    {
        var scale = Math.Max(6, a.Scale + b.Precision + 1);
        return Bounded(a.Precision - a.Scale + b.Scale + scale, scale);
    }

    public static DecimalType Bounded(int precision, int scale)
    {
        if (precision <= 38)
        {
            return new DecimalType(precision, scale);
        }

        var integerDigits = precision - scale;
        return new DecimalType(38, Math.Max(38 - integerDigits, Math.Min(scale, 6)));
    }
}

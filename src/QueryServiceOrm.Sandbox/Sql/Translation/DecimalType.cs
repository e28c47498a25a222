namespace QueryServiceOrm.Sandbox.Sql.Translation;

internal sealed record DecimalType(int Precision, int Scale) : SparkType
{
    public override string Name => string.Create(CultureInfo.InvariantCulture, $"decimal({Precision},{Scale})");

    public override string PgName => string.Create(CultureInfo.InvariantCulture, $"numeric({Precision},{Scale})");
}

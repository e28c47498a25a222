namespace QueryServiceOrm.Infrastructure;

/// <summary>The CREATE TABLE type of a C# <see cref="double"/>.</summary>
public enum QueryServiceDoubleColumnType
{
    /// <summary><c>float</c>, as Adobe documents for CREATE TABLE (4 bytes if the service follows Spark).</summary>
    Float,

    /// <summary><c>double</c>, 8 bytes, as Adobe documents for ADD COLUMN.</summary>
    Double,
}

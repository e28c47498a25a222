using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace QueryServiceOrm.Xdm;

/// <summary>
/// One row per element of an XDM array, the element in a column named <see cref="ColumnName"/>: <c>explode(a)</c> inside a
/// one-column lateral subquery, or a <c>LATERAL VIEW</c> where the dialect's ExplodeForm says so.
/// </summary>
internal sealed class XdmExplodeExpression(string alias, SqlExpression array) : TableValuedFunctionExpression(alias, "explode", [array])
{
    /// <summary>The name of the element column; EF may rename the table alias, never this.</summary>
    public const string ColumnName = "value";

    /// <summary>The array.</summary>
    public SqlExpression Array => Arguments[0];

    protected override Expression VisitChildren(ExpressionVisitor visitor) => Update([(SqlExpression)visitor.Visit(Array)]);

    public override XdmExplodeExpression Update(IReadOnlyList<SqlExpression> arguments)
        => arguments is [var array]
            ? ReferenceEquals(array, Array) ? this : new XdmExplodeExpression(Alias, array)
            : throw new ArgumentException("explode takes one array.", nameof(arguments));

    public override TableExpressionBase Clone(string? alias, ExpressionVisitor cloningExpressionVisitor)
        => new XdmExplodeExpression(alias!, (SqlExpression)cloningExpressionVisitor.Visit(Array));

    public override XdmExplodeExpression WithAlias(string newAlias) => new(newAlias, Array);

    public override Expression Quote()
        => throw new NotSupportedException("Precompiled queries (an experimental EF feature) do not support exploding XDM arrays.");

    public override bool Equals(object? obj) => obj is XdmExplodeExpression && base.Equals(obj);

    public override int GetHashCode() => base.GetHashCode();
}

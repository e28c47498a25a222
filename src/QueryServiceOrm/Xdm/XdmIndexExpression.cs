using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace QueryServiceOrm.Xdm;

/// <summary>
/// An element of an XDM array by its 0-based index, or the value of an XDM map under a key:
/// <c>productListItems[0]</c> and <c>identityMap['ECID']</c> on the service.
/// </summary>
internal sealed class XdmIndexExpression : SqlExpression
{
    /// <summary>Creates the access.</summary>
    /// <param name="target">The array or map.</param>
    /// <param name="index">The 0-based index, or the key.</param>
    /// <param name="type">The C# type of the element or value.</param>
    /// <param name="typeMapping">Its type mapping.</param>
    public XdmIndexExpression(SqlExpression target, SqlExpression index, Type type, RelationalTypeMapping? typeMapping)
        : base(type, typeMapping)
    {
        Target = target;
        Index = index;
    }

    /// <summary>The array or map.</summary>
    public SqlExpression Target { get; }

    /// <summary>The 0-based index, or the key.</summary>
    public SqlExpression Index { get; }

    /// <summary>Whether this is a map lookup by key (rather than an array element by index).</summary>
    public bool IsKey => Index.Type == typeof(string);

    /// <summary>Not supported: quoting serves EF's experimental precompiled queries.</summary>
    public override Expression Quote()
        => throw new NotSupportedException("Precompiled queries (an experimental EF feature) do not support XDM indexes.");

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
    {
        var target = (SqlExpression)visitor.Visit(Target);
        var index = (SqlExpression)visitor.Visit(Index);
        return ReferenceEquals(target, Target) && ReferenceEquals(index, Index)
            ? this
            : new XdmIndexExpression(target, index, Type, TypeMapping);
    }

    /// <inheritdoc />
    protected override void Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Visit(Target);
        expressionPrinter.Append("[");
        expressionPrinter.Visit(Index);
        expressionPrinter.Append("]");
    }

    /// <inheritdoc />
    public override bool Equals(object? obj)
        => obj is XdmIndexExpression other && base.Equals(other) && Target.Equals(other.Target) && Index.Equals(other.Index);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Target, Index);
}

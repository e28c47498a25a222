namespace QueryServiceOrm.Xdm;

/// <summary>
/// The elements of an XDM array as a query source, standing in a SelectMany's collection selector: EF only expands
/// navigations and primitive collections there, and an XDM array is neither (it is a value-converted column).
/// </summary>
internal sealed class XdmArrayQueryRootExpression(Expression array, Type elementType) : QueryRootExpression(elementType)
{
    /// <summary>The array, an expression over the outer element (<c>e.productListItems</c>).</summary>
    public Expression Array { get; } = array;

    public override Expression DetachQueryProvider() => this;

    // Without this, the outer parameter inside the array would neither be found (correlation) nor replaced by EF's visitors.
    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => visitor.Visit(Array) is var array && array == Array ? this : new XdmArrayQueryRootExpression(array, ElementType);

    protected override void Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Append("explode(");
        expressionPrinter.Visit(Array);
        expressionPrinter.Append(")");
    }

    public override bool Equals(object? obj) => obj is XdmArrayQueryRootExpression other && base.Equals(other) && Array.Equals(other.Array);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Array);
}

using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace QueryServiceOrm.Xdm;

/// <summary>
/// A lambda over the elements of an XDM array: Spark's <c>exists</c>, <c>size(filter(...))</c> and <c>transform</c>.
/// </summary>
internal sealed class XdmArrayLambdaExpression : SqlExpression
{
    /// <summary>Creates the expression.</summary>
    /// <param name="array">The array.</param>
    /// <param name="variable">The element's name inside the lambda.</param>
    /// <param name="body">The lambda's body, over the element.</param>
    /// <param name="operation">What is computed from the body.</param>
    /// <param name="type">The result's C# type.</param>
    /// <param name="typeMapping">The result's type mapping.</param>
    public XdmArrayLambdaExpression(
        SqlExpression array,
        string variable,
        SqlExpression body,
        XdmArrayOperation operation,
        Type type,
        RelationalTypeMapping? typeMapping)
        : base(type, typeMapping)
    {
        Array = array;
        ElementName = variable;
        Body = body;
        Operation = operation;
    }

    /// <summary>The array.</summary>
    public SqlExpression Array { get; }

    /// <summary>The element's name inside the lambda.</summary>
    public string ElementName { get; }

    /// <summary>The lambda's body, over the element.</summary>
    public SqlExpression Body { get; }

    /// <summary>What is computed from the body.</summary>
    public XdmArrayOperation Operation { get; }

    /// <summary>A copy with other operands.</summary>
    /// <param name="array">The array.</param>
    /// <param name="body">The body.</param>
    public XdmArrayLambdaExpression Update(SqlExpression array, SqlExpression body)
        => ReferenceEquals(array, Array) && ReferenceEquals(body, Body)
            ? this
            : new XdmArrayLambdaExpression(array, ElementName, body, Operation, Type, TypeMapping);

    /// <summary>Not supported: quoting serves EF's experimental precompiled queries.</summary>
    public override Expression Quote()
        => throw new NotSupportedException("Precompiled queries (an experimental EF feature) do not support lambdas over XDM arrays.");

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => Update((SqlExpression)visitor.Visit(Array), (SqlExpression)visitor.Visit(Body));

    /// <inheritdoc />
    protected override void Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Append(Operation.ToString().ToLowerInvariant()).Append("(");
        expressionPrinter.Visit(Array);
        expressionPrinter.Append($", {ElementName} -> ");
        expressionPrinter.Visit(Body);
        expressionPrinter.Append(")");
    }

    /// <inheritdoc />
    public override bool Equals(object? obj)
        => obj is XdmArrayLambdaExpression other && base.Equals(other) && Array.Equals(other.Array) && ElementName == other.ElementName
           && Body.Equals(other.Body) && Operation == other.Operation;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Array, ElementName, Body, Operation);
}

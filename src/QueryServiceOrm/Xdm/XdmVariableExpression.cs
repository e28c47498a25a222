using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace QueryServiceOrm.Xdm;

/// <summary>The element of an XDM array inside a predicate over it: the lambda variable of a higher-order function.</summary>
internal sealed class XdmVariableExpression : SqlExpression
{
    /// <summary>Creates the variable.</summary>
    /// <param name="name">Its name in SQL.</param>
    /// <param name="type">The element's C# type.</param>
    /// <param name="typeMapping">Its type mapping.</param>
    public XdmVariableExpression(string name, Type type, RelationalTypeMapping? typeMapping)
        : base(type, typeMapping)
        => Name = name;

    /// <summary>The name in SQL.</summary>
    public string Name { get; }

    /// <summary>Not supported: quoting serves EF's experimental precompiled queries.</summary>
    public override Expression Quote()
        => throw new NotSupportedException("Precompiled queries (an experimental EF feature) do not support predicates over XDM arrays.");

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor) => this;

    /// <inheritdoc />
    protected override void Print(ExpressionPrinter expressionPrinter) => expressionPrinter.Append(Name);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is XdmVariableExpression other && base.Equals(other) && Name == other.Name;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Name);
}

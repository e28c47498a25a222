using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace QueryServiceOrm.Xdm;

/// <summary>
/// Whether some element of an XDM array satisfies a predicate (<see cref="Count"/> false), or how many do (true):
/// Spark's <c>exists(array, x -&gt; ...)</c> and <c>size(filter(array, x -&gt; ...))</c> on the service, subqueries over
/// <c>unnest(array)</c> on the stand-in.
/// </summary>
public sealed class XdmArrayPredicateExpression : SqlExpression
{
    /// <summary>Creates the expression.</summary>
    /// <param name="array">The array.</param>
    /// <param name="variable">The element's name inside the predicate.</param>
    /// <param name="predicate">The predicate over the element.</param>
    /// <param name="count">Whether to count the matching elements rather than ask whether there is one.</param>
    /// <param name="typeMapping">The result's type mapping.</param>
    public XdmArrayPredicateExpression(SqlExpression array, string variable, SqlExpression predicate, bool count, RelationalTypeMapping? typeMapping)
        : base(count ? typeof(int) : typeof(bool), typeMapping)
    {
        Array = array;
        ElementName = variable;
        Predicate = predicate;
        Count = count;
    }

    /// <summary>The array.</summary>
    public SqlExpression Array { get; }

    /// <summary>The element's name inside the predicate.</summary>
    public string ElementName { get; }

    /// <summary>The predicate over the element.</summary>
    public SqlExpression Predicate { get; }

    /// <summary>Whether the matching elements are counted.</summary>
    public bool Count { get; }

    /// <summary>Not supported: quoting serves EF's experimental precompiled queries.</summary>
    public override Expression Quote()
        => throw new NotSupportedException("Precompiled queries (an experimental EF feature) do not support predicates over XDM arrays.");

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
    {
        var array = (SqlExpression)visitor.Visit(Array);
        var predicate = (SqlExpression)visitor.Visit(Predicate);
        return ReferenceEquals(array, Array) && ReferenceEquals(predicate, Predicate)
            ? this
            : new XdmArrayPredicateExpression(array, ElementName, predicate, Count, TypeMapping);
    }

    /// <inheritdoc />
    protected override void Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Append(Count ? "count(" : "exists(");
        expressionPrinter.Visit(Array);
        expressionPrinter.Append($", {ElementName} -> ");
        expressionPrinter.Visit(Predicate);
        expressionPrinter.Append(")");
    }

    /// <inheritdoc />
    public override bool Equals(object? obj)
        => obj is XdmArrayPredicateExpression other && base.Equals(other) && Array.Equals(other.Array) && ElementName == other.ElementName
           && Predicate.Equals(other.Predicate) && Count == other.Count;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Array, ElementName, Predicate, Count);
}

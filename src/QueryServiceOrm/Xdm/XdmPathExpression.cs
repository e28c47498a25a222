using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace QueryServiceOrm.Xdm;

/// <summary>
/// A field inside XDM data, e.g. <c>web.webPageDetails.name</c>: a root (an object column) and the XDM names below it, written
/// as a dot path (<c>e.web.webPageDetails.name</c>).
/// </summary>
internal sealed class XdmPathExpression : SqlExpression
{
    /// <summary>Creates the path.</summary>
    /// <param name="root">An XDM column.</param>
    /// <param name="segments">The XDM field names below the root, outermost first.</param>
    /// <param name="type">The C# type of the field.</param>
    /// <param name="typeMapping">Its type mapping (an XDM mapping for object- and array-valued fields).</param>
    public XdmPathExpression(SqlExpression root, IReadOnlyList<string> segments, Type type, RelationalTypeMapping? typeMapping)
        : base(type, typeMapping)
    {
        Root = root;
        Segments = segments;
    }

    /// <summary>Where the path starts.</summary>
    public SqlExpression Root { get; }

    /// <summary>The XDM field names below the root.</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>The same path one field further down.</summary>
    /// <param name="segment">The XDM name of the field.</param>
    /// <param name="type">Its C# type.</param>
    /// <param name="typeMapping">Its type mapping.</param>
    public XdmPathExpression Append(string segment, Type type, RelationalTypeMapping? typeMapping)
        => new(Root, [.. Segments, segment], type, typeMapping);

    /// <summary>Not supported: quoting serves EF's experimental precompiled queries, which XDM paths do not take part in.</summary>
    public override Expression Quote()
        => throw new NotSupportedException("Precompiled queries (an experimental EF feature) do not support XDM paths.");

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => visitor.Visit(Root) is SqlExpression root && !ReferenceEquals(root, Root)
            ? new XdmPathExpression(root, Segments, Type, TypeMapping)
            : this;

    /// <inheritdoc />
    protected override void Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Visit(Root);
        foreach (var segment in Segments)
        {
            expressionPrinter.Append(".").Append(segment);
        }
    }

    /// <inheritdoc />
    public override bool Equals(object? obj)
        => obj is XdmPathExpression other && base.Equals(other) && Root.Equals(other.Root) && Segments.SequenceEqual(other.Segments);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Root, string.Join('.', Segments));
}

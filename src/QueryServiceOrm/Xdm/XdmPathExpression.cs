using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace QueryServiceOrm.Xdm;

/// <summary>
/// A field inside an XDM object column, e.g. <c>web.webPageDetails.name</c>: the column and the XDM names below it.
/// The dialect writes it (<c>e.web.webPageDetails.name</c> on the service, <c>(e."web")."webPageDetails"."name"</c> on
/// the stand-in); an object-valued path is read as JSON like a whole object column.
/// </summary>
public sealed class XdmPathExpression : SqlExpression
{
    /// <summary>Creates the path.</summary>
    /// <param name="column">The object column the path starts from.</param>
    /// <param name="segments">The XDM field names below the column, outermost first.</param>
    /// <param name="type">The C# type of the field.</param>
    /// <param name="typeMapping">Its type mapping (an XDM object mapping for object-valued fields).</param>
    public XdmPathExpression(ColumnExpression column, IReadOnlyList<string> segments, Type type, RelationalTypeMapping? typeMapping)
        : base(type, typeMapping)
    {
        Column = column;
        Segments = segments;
    }

    /// <summary>The object column the path starts from.</summary>
    public ColumnExpression Column { get; }

    /// <summary>The XDM field names below the column.</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>Whether the field is itself an object (read as JSON).</summary>
    public bool IsObject => TypeMapping?.Converter is IXdmObjectConverter;

    /// <summary>The same path one field further down.</summary>
    /// <param name="segment">The XDM name of the field.</param>
    /// <param name="type">Its C# type.</param>
    /// <param name="typeMapping">Its type mapping.</param>
    public XdmPathExpression Append(string segment, Type type, RelationalTypeMapping? typeMapping)
        => new(Column, [.. Segments, segment], type, typeMapping);

    /// <summary>Not supported: quoting serves EF's experimental precompiled queries, which XDM paths do not take part in.</summary>
    public override Expression Quote()
        => throw new NotSupportedException("Precompiled queries (an experimental EF feature) do not support XDM paths.");

    /// <inheritdoc />
    protected override Expression VisitChildren(ExpressionVisitor visitor)
        => visitor.Visit(Column) is ColumnExpression column && !ReferenceEquals(column, Column)
            ? new XdmPathExpression(column, Segments, Type, TypeMapping)
            : this;

    /// <inheritdoc />
    protected override void Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Visit(Column);
        foreach (var segment in Segments)
        {
            expressionPrinter.Append(".").Append(segment);
        }
    }

    /// <inheritdoc />
    public override bool Equals(object? obj)
        => obj is XdmPathExpression other && base.Equals(other) && Column.Equals(other.Column) && Segments.SequenceEqual(other.Segments);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Column, string.Join('.', Segments));
}

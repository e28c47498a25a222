namespace QueryServiceOrm.Query;

/// <summary>
/// The rows of a query written to a table instead of returned (<c>INSERT INTO ... SELECT</c>, CTAS), as EF carries
/// ExecuteDelete: the queryable translator makes it from the library's write operator, the shaped-query compiler runs it
/// as a non-query (or, for a job, only generates it), and the SQL generator writes the statement's head from
/// <see cref="Target"/>.
/// </summary>
internal sealed class QueryWriteExpression : Expression, IPrintableExpression
{
    private readonly Type _type;

    /// <summary>Creates the expression.</summary>
    /// <param name="rows">The rows: a shaped query while translating, its select once compiled.</param>
    /// <param name="target">Where they go.</param>
    /// <param name="type">The operator's result: the row count, or the statement's text for a job.</param>
    public QueryWriteExpression(Expression rows, QueryWriteTarget target, Type type)
        => (Rows, Target, _type) = (rows, target, type);

    /// <summary>The rows: a shaped query while translating, its select once compiled.</summary>
    public Expression Rows { get; }

    /// <summary>Where the rows go.</summary>
    public QueryWriteTarget Target { get; }

    /// <summary>Whether the statement is only generated (a job's text), not run.</summary>
    public bool GeneratesOnly => _type == typeof(string);

    public override Type Type => _type;

    public override ExpressionType NodeType => ExpressionType.Extension;

    /// <summary>The same write over other rows.</summary>
    public QueryWriteExpression Update(Expression rows) => ReferenceEquals(rows, Rows) ? this : new(rows, Target, _type);

    protected override Expression VisitChildren(ExpressionVisitor visitor) => Update(visitor.Visit(Rows));

    void IPrintableExpression.Print(ExpressionPrinter expressionPrinter)
    {
        expressionPrinter.Append(Target.CreateTable ? "CREATE TABLE " : "INSERT INTO ").Append(Target.Table).AppendLine(" FROM");
        expressionPrinter.Visit(Rows);
    }
}

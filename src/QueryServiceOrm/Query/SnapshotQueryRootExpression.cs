using Microsoft.EntityFrameworkCore.Metadata;

namespace QueryServiceOrm.Query;

/// <summary>
/// A table read at a snapshot, as a query root (SQL Server's temporal roots are the model): the translator turns it into
/// the entity's table annotated with the clause, which the SQL generator writes as <c>FROM t SNAPSHOT clause AS alias</c>.
/// </summary>
internal sealed class SnapshotQueryRootExpression : EntityQueryRootExpression
{
    public SnapshotQueryRootExpression(IAsyncQueryProvider queryProvider, IEntityType entityType, string clause)
        : base(queryProvider, entityType)
        => Clause = clause;

    private SnapshotQueryRootExpression(IEntityType entityType, string clause)
        : base(entityType)
        => Clause = clause;

    /// <summary>
    /// What follows SNAPSHOT: <c>AS OF id</c>, <c>SINCE id</c> or <c>BETWEEN id AND id</c>, of keywords and validated ids only.
    /// </summary>
    public string Clause { get; }

    public override Expression DetachQueryProvider() => new SnapshotQueryRootExpression(EntityType, Clause);

    public override EntityQueryRootExpression UpdateEntityType(IEntityType entityType)
        => entityType.ClrType == EntityType.ClrType && entityType.Name == EntityType.Name
            ? new SnapshotQueryRootExpression(entityType, Clause)
            : throw new InvalidOperationException(
                $"A snapshot of '{EntityType.DisplayName()}' cannot become one of '{entityType.DisplayName()}'.");

    protected override void Print(ExpressionPrinter expressionPrinter)
    {
        base.Print(expressionPrinter);
        expressionPrinter.Append($".Snapshot({Clause})");
    }

    public override bool Equals(object? obj)
        => obj is SnapshotQueryRootExpression other && base.Equals(other) && Clause == other.Clause;

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Clause);
}

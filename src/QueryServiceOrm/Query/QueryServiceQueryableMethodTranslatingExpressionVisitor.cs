using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Internal;
using QueryServiceOrm.Xdm;

namespace QueryServiceOrm.Query;

/// <summary>Npgsql's queryable translator, plus the elements of an XDM array as a source (SelectMany over an array).</summary>
[SuppressMessage(
    "Usage",
    "EF1001:Internal EF Core API usage.",
    Justification = "Derives from Npgsql's internal queryable translator to keep all of its translations "
        + "and add the library's query sources.")]
internal sealed class QueryServiceQueryableMethodTranslatingExpressionVisitor : NpgsqlQueryableMethodTranslatingExpressionVisitor
{
    private readonly RelationalQueryCompilationContext _queryCompilationContext;
    private readonly XdmTypeMappings _xdmTypeMappings;

    public QueryServiceQueryableMethodTranslatingExpressionVisitor(
        QueryableMethodTranslatingExpressionVisitorDependencies dependencies,
        RelationalQueryableMethodTranslatingExpressionVisitorDependencies relationalDependencies,
        RelationalQueryCompilationContext queryCompilationContext,
        INpgsqlSingletonOptions npgsqlSingletonOptions,
        XdmTypeMappings xdmTypeMappings)
        : base(dependencies, relationalDependencies, queryCompilationContext, npgsqlSingletonOptions)
    {
        _queryCompilationContext = queryCompilationContext;
        _xdmTypeMappings = xdmTypeMappings;
    }

    private QueryServiceQueryableMethodTranslatingExpressionVisitor(QueryServiceQueryableMethodTranslatingExpressionVisitor parent)
        : base(parent)
    {
        _queryCompilationContext = parent._queryCompilationContext;
        _xdmTypeMappings = parent._xdmTypeMappings;
    }

    protected override QueryableMethodTranslatingExpressionVisitor CreateSubqueryVisitor()
        => new QueryServiceQueryableMethodTranslatingExpressionVisitor(this);

    protected override UpdateExpression? TranslateExecuteUpdate(ShapedQueryExpression source, IReadOnlyList<ExecuteUpdateSetter> setters)
        => throw new Update.QueryServiceAppendOnlyException(
            $"ExecuteUpdate cannot run on Query Service. {Update.QueryServiceAppendOnlyException.Alternatives}");

    protected override DeleteExpression? TranslateExecuteDelete(ShapedQueryExpression source)
        => throw new Update.QueryServiceAppendOnlyException(
            $"ExecuteDelete cannot run on Query Service. {Update.QueryServiceAppendOnlyException.Alternatives}");

    // A write's rows are translated as any query's; the write wraps them for the compiler and the SQL generator.
    protected override Expression VisitMethodCall(MethodCallExpression methodCallExpression)
    {
        if (!QueryWriteOperators.IsWrite(methodCallExpression, out var target))
        {
            return base.VisitMethodCall(methodCallExpression);
        }

        var rows = Visit(methodCallExpression.Arguments[0]);
        return rows is ShapedQueryExpression
            ? new QueryWriteExpression(rows, target, methodCallExpression.Type)
            : QueryCompilationContext.NotTranslatedExpression;
    }

    protected override Expression VisitExtension(Expression extensionExpression)
        => extensionExpression switch
        {
            XdmArrayQueryRootExpression root => TranslateExplode(root),
            SnapshotQueryRootExpression snapshot => TranslateSnapshot(snapshot),
            _ => base.VisitExtension(extensionExpression),
        };

    // The entity's own table, translated as EF does, then annotated with the snapshot for the SQL generator.
    private Expression TranslateSnapshot(SnapshotQueryRootExpression snapshot)
    {
        var shaped = (ShapedQueryExpression)base.VisitExtension(new EntityQueryRootExpression(snapshot.EntityType));
        return shaped.UpdateQueryExpression(new SnapshotTableAnnotator(snapshot.Clause).Visit(shaped.QueryExpression));
    }

    private sealed class SnapshotTableAnnotator(string clause) : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node)
            => node is TableExpression table
                ? table.AddAnnotation(Metadata.QueryServiceAnnotationNames.Snapshot, clause)
                : base.VisitExtension(node);
    }

    private Expression TranslateExplode(XdmArrayQueryRootExpression root)
    {
        if (TranslateExpression(root.Array) is not { } array || !XdmTypeMappings.IsXdm(array))
        {
            throw new InvalidOperationException($"The XDM array '{root.Array}' could not be translated to SQL for SelectMany.");
        }

        if (XdmTypeMappings.IsUnderMap(array))
        {
            throw new InvalidOperationException(
                "SelectMany over an array inside an XDM map is not supported: "
                + "read the map's array by index (map[\"key\"][0]) or filter it with Any/Count.");
        }

        var alias = _queryCompilationContext.SqlAliasManager.GenerateTableAlias(array is ColumnExpression column ? column.Name : "element");
        var elementType = root.ElementType;
        var element = new ColumnExpression(
            XdmExplodeExpression.ColumnName, alias, elementType, _xdmTypeMappings.For(elementType), nullable: true);

        // No identifier: an array element has none the server could give (position aside), so collections projected over
        // exploded elements are refused by EF rather than stitched together wrongly.
        var select = new SelectExpression(
            [new XdmExplodeExpression(alias, array)], element, identifier: [], _queryCompilationContext.SqlAliasManager);
        return new ShapedQueryExpression(select, new ProjectionBindingExpression(select, new ProjectionMember(), elementType));
    }
}

using QueryServiceOrm.Sandbox.Catalog;
using QueryServiceOrm.Sandbox.Sql.Syntax;

namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>
/// Time travel over the sandbox's own history: every write to a table (an INSERT, a CTAS, a seed) is one backend transaction,
/// and each row keeps the id of the transaction that wrote it (PostgreSQL's <c>xmin</c>), so that id is the row's snapshot.
/// Datasets are append-only, so a snapshot's rows are exactly those written at or before it. As Adobe documents: SINCE is
/// exclusive, AS OF inclusive, BETWEEN excludes its start and includes its end; HEAD lies before the first snapshot, TAIL
/// after the last. Snapshot metadata does not expire after two days as on the service.
/// </summary>
internal static class Snapshots
{
    private const string RowSnapshot = "xmin::text::bigint";

    public static string Filter(CatalogTable table, SnapshotClause snapshot, ExpressionTranslator expressions)
    {
        if (table.IsView)
        {
            throw new ServiceErrorException(
                ServiceRules.Analysis("A SNAPSHOT clause works with a table or table alias, not on top of a sub-query or view"));
        }

        var from = Bound(snapshot.From, expressions);
        var condition = snapshot.Kind switch
        {
            "SINCE" => After(from),
            "AS OF" => AtOrBefore(from),
            _ => $"{After(from)} AND {AtOrBefore(Bound(snapshot.To!, expressions))}",
        };
        return $"(SELECT * FROM {table.Sql} WHERE {condition})";
    }

    /// <summary>history_meta('t'): one row a snapshot, with its parent and whether it is the newest.</summary>
    public static GeneratorSql History(CatalogTable table)
        => new(
            $"(SELECT s AS \"snapshot_id\", lag(s) OVER (ORDER BY s) AS \"parent_id\", s = max(s) OVER () AS \"is_current\" FROM (SELECT "
            + $"DISTINCT {RowSnapshot} AS s FROM {table.Sql}) AS h ORDER BY s)",
            [
                new OutputColumn("snapshot_id", SparkType.Long),
                new OutputColumn("parent_id", SparkType.Long),
                new OutputColumn("is_current", SparkType.Boolean)]);

    // HEAD is before every snapshot, TAIL after every one; any other id is a number.
    private static string Bound(Expr id, ExpressionTranslator expressions)
        => id switch
        {
            StringLiteral { Value: var v } when v.Equals("HEAD", StringComparison.OrdinalIgnoreCase) => "HEAD",
            StringLiteral { Value: var v } when v.Equals("TAIL", StringComparison.OrdinalIgnoreCase) => "TAIL",
            _ => expressions.Coerce(expressions.Translate(id, new Scope(null)), SparkType.Long).Text,
        };

    private static string After(string bound) => bound switch { "HEAD" => "TRUE", "TAIL" => "FALSE", _ => $"{RowSnapshot} > {bound}" };

    private static string AtOrBefore(string bound)
        => bound switch { "HEAD" => "FALSE", "TAIL" => "TRUE", _ => $"{RowSnapshot} <= {bound}" };
}

namespace QueryServiceOrm.Storage;

/// <summary>
/// What a command the query pipeline generated does, as its SQL generator knew it from the query tree: whether it writes
/// (a write target, or hand-written SQL that is not a plain read) and, for a read the service may cut short, the row cap.
/// </summary>
/// <param name="Writes">Whether the statement changes data: once sent, an operation is never retried.</param>
/// <param name="RowCap">The service's cap on a read that states no row count itself; null when no cap applies.</param>
internal sealed record QueryCommandIntent(bool Writes, int? RowCap);

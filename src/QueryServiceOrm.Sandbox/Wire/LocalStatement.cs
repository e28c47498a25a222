namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>A statement the front answers itself (SET, SHOW of a flag, BEGIN, ROLLBACK).</summary>
/// <param name="Columns">The result's columns, or null for a statement without rows.</param>
/// <param name="Rows">The rows.</param>
/// <param name="Tag">The command tag.</param>
/// <param name="Apply">What running it changes in the session.</param>
internal sealed record LocalStatement(
    IReadOnlyList<PgColumn>? Columns, IReadOnlyList<IReadOnlyList<string?>> Rows, string Tag, Action<FrontSession>? Apply = null)
    : FrontStatement;

namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>One line of the front's journal.</summary>
/// <param name="Time">When it arrived.</param>
/// <param name="Session">The session's number.</param>
/// <param name="Application">The client's application name.</param>
/// <param name="Protocol"><c>simple</c>, <c>extended</c>, or <c>startup</c> for an admitted session.</param>
/// <param name="Sql">The text as received (empty for a session).</param>
/// <param name="Outcome">
/// <c>backend</c>, <c>local</c>, <c>refused</c>, <c>session</c> (a session admitted), or <c>fault</c> (a defect of the front;
/// then Sql holds the error).
/// </param>
/// <param name="SqlState">The SQLSTATE of a refusal.</param>
public sealed record JournalEntry(
    DateTimeOffset Time, int Session, string Application, string Protocol, string Sql, string Outcome, string? SqlState);

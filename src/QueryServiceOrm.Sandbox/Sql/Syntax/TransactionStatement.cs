namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>BEGIN, START TRANSACTION, ROLLBACK, COMMIT, END, ABORT.</summary>
internal sealed record TransactionStatement(string Kind) : Statement;

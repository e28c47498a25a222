namespace QueryServiceOrm.Sandbox.Rest.Queries;

/// <summary>
/// The states of a query. Adobe's pages show SUBMITTED, IN_PROGRESS and SUCCESS; FAILED for an error and KILLED for a
/// cancelled query are the names of the API reference's state list, unconfirmed against a live sandbox (the Live suite
/// reports what it sees).
/// </summary>
internal static class QueryJobState
{
    public const string Submitted = "SUBMITTED";
    public const string InProgress = "IN_PROGRESS";
    public const string Success = "SUCCESS";
    public const string Failed = "FAILED";
    public const string Killed = "KILLED";

    public static bool IsTerminal(string state) => state is Success or Failed or Killed;
}

namespace QueryServiceOrm.Sandbox.Rules;

/// <summary>An error (or notice) as the front sends it: SQLSTATE, text, and optionally what to do.</summary>
/// <param name="SqlState">The five-character SQLSTATE.</param>
/// <param name="Message">The primary text.</param>
/// <param name="Detail">More detail, if any.</param>
/// <param name="Hint">What to do, if the service would say it.</param>
/// <param name="Severity">ERROR, FATAL, or NOTICE for notices.</param>
internal sealed record ServiceError(string SqlState, string Message, string? Detail = null, string? Hint = null, string Severity = "ERROR");

using System.Text.Json;

namespace QueryServiceOrm.Sandbox.Rest;

/// <summary>One request the sandbox's REST API received.</summary>
/// <param name="Time">When it arrived.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path and query string.</param>
/// <param name="Status">The status it was answered with.</param>
/// <param name="Outcome">
/// <c>fault</c> (an injected gateway fault answered it), <c>refused</c> (authentication or headers), <c>created</c> (a job was
/// submitted), or <c>served</c>.
/// </param>
/// <param name="JobId">The job a submission created, if any.</param>
public sealed record RestLogEntry(DateTimeOffset Time, string Method, string Path, int Status, string Outcome, string? JobId);

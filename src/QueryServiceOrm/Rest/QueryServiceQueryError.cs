namespace QueryServiceOrm.Rest;

/// <summary>One error of a failed query.</summary>
/// <param name="Code">The error's code (the sandbox sends the SQLSTATE the wire would have sent).</param>
/// <param name="Message">The service's text.</param>
public sealed record QueryServiceQueryError(string? Code, string? Message)
{
    /// <summary>The code and the text.</summary>
    public override string ToString() => Code is null ? Message ?? "" : $"{Code}: {Message}";
}

using System.Security.Cryptography.X509Certificates;

namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>What the front needs to run.</summary>
/// <param name="Certificate">The server certificate (with its key) it offers over TLS.</param>
/// <param name="Backend">The PostgreSQL behind it.</param>
/// <param name="OrganizationId">The organisation; the only user accepted is this id followed by <c>@AdobeOrg</c>.</param>
/// <param name="SandboxName">The sandbox part of the database name (<c>prod</c>).</param>
/// <param name="Tokens">The token accepted as password.</param>
/// <param name="Translator">What turns the service's SQL into the backend's.</param>
/// <param name="TargetExists">Whether a database target other than <c>all</c> names a table.</param>
/// <param name="Journal">Where every received text is recorded.</param>
/// <param name="Faults">The service's failures a test injected, checked on every received text.</param>
internal sealed record FrontOptions(
    X509Certificate2 Certificate,
    BackendEndpoint Backend,
    string OrganizationId,
    string SandboxName,
    FrontTokens Tokens,
    IFrontTranslator Translator,
    Func<string, CancellationToken, ValueTask<bool>> TargetExists,
    FrontJournal Journal,
    SandboxFaults Faults);

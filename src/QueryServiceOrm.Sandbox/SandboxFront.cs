using System.Security.Cryptography.X509Certificates;
using QueryServiceOrm.Sandbox.Catalog;
using QueryServiceOrm.Sandbox.Rest;
using QueryServiceOrm.Sandbox.Sql;
using QueryServiceOrm.Sandbox.Wire;

namespace QueryServiceOrm.Sandbox;

/// <summary>
/// The front of one sandbox and what it runs on: its listener, the catalog it translates against, the read-only catalog
/// session, the journal. It lives in the process that started the sandbox, so it ends with it.
/// </summary>
internal sealed class SandboxFront : IAsyncDisposable
{
    private readonly X509Certificate2 _certificate;
    private readonly BackendCatalog _catalog;
    private readonly CatalogQueries _catalogQueries;
    private readonly FrontJournal _journal;
    private readonly FrontServer _server;

    private SandboxFront(
        X509Certificate2 certificate, BackendCatalog catalog, CatalogQueries catalogQueries, FrontJournal journal, FrontServer server,
        RestHost rest)
    {
        _certificate = certificate;
        _catalog = catalog;
        _catalogQueries = catalogQueries;
        _journal = journal;
        _server = server;
        Rest = rest;
    }

    public int Port => _server.Port;

    /// <summary>The emulated REST API, whose jobs run through this front's rules and translation.</summary>
    public RestHost Rest { get; }

    public SandboxFaults Faults => _server.Options.Faults;

    public static string TokenFile(string instance) => Path.Combine(instance, "token.json");

    public static string JournalFile(string instance) => Path.Combine(instance, "journal.jsonl");

    public static async Task<SandboxFront> StartAsync(
        QueryServiceSandboxState state, QueryServiceSandboxOptions options, CancellationToken cancellationToken)
    {
        var data = SandboxInstanceRegistry.DataDirectory(state.InstanceDirectory);
        var certificate = X509Certificate2.CreateFromPemFile(
            Path.Combine(data, SandboxCertificates.ServerCertificateFile), Path.Combine(data, SandboxCertificates.ServerKeyFile));
        var catalog = new BackendCatalog(SandboxBackend.AdminConnectionString(state, state.Database));
        var catalogQueries = new CatalogQueries(
            SandboxBackend.FrontEndpoint(state, certificate, SandboxBackend.CatalogUser, state.CatalogPassword));
        var journal = new FrontJournal(JournalFile(state.InstanceDirectory));
        var separator = state.Database.IndexOf(':', StringComparison.Ordinal);
        var server = new FrontServer(new FrontOptions(
            certificate,
            SandboxBackend.FrontEndpoint(state, certificate, state.OrganizationId + "@AdobeOrg", state.BackendPassword),
            state.OrganizationId,
            separator < 0 ? state.Database : state.Database[..separator],
            new FrontTokens(TokenFile(state.InstanceDirectory)),
            new SparkTranslator(catalog, catalogQueries),
            async (target, cancellationToken)
                => (await catalog.GetAsync(cancellationToken).ConfigureAwait(false)).Find([target]) is not null,
            journal,
            new SandboxFaults()))
        {
            SessionLimit = options.SessionLimit,
            StatementTimeout = options.StatementTimeout,
        };
        server.Start();
        RestHost rest;
        try
        {
            var settings = new RestSettings(
                state.OrganizationId, server.Options.SandboxName, state.ClientId, state.ClientSecret, server.Options.Tokens,
                options.TokenLifetime, server.Port);
            rest = await RestHost.StartAsync(
                certificate, server.Options, settings, state.InstanceDirectory, options.JobLatency,
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new SandboxFront(certificate, catalog, catalogQueries, journal, server, rest);
    }

    public async ValueTask DisposeAsync()
    {
        await Rest.DisposeAsync().ConfigureAwait(false);
        await _server.DisposeAsync().ConfigureAwait(false);
        await _catalogQueries.DisposeAsync().ConfigureAwait(false);
        await _catalog.DisposeAsync().ConfigureAwait(false);
        _journal.Dispose();
        _certificate.Dispose();
    }
}

using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QueryServiceOrm.Sandbox.Rest.Queries;
using QueryServiceOrm.Sandbox.Wire;

namespace QueryServiceOrm.Sandbox.Rest;

/// <summary>
/// The sandbox's emulation of the Query Service REST API and of IMS's token endpoint: Kestrel on 127.0.0.1 (a free port),
/// HTTPS only, with the certificate the wire offers. It lives in the process that hosts the front.
/// </summary>
internal sealed class RestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RestRequestLog _log;

    private RestHost(WebApplication app, RestRequestLog log, RestFaults faults, QueryJobs jobs, int port)
    {
        _app = app;
        _log = log;
        Faults = faults;
        Jobs = jobs;
        Port = port;
    }

    public int Port { get; }

    public RestFaults Faults { get; }

    public QueryJobs Jobs { get; }

    public static async Task<RestHost> StartAsync(
        X509Certificate2 certificate,
        FrontOptions front,
        RestSettings settings,
        string instance,
        TimeSpan jobLatency,
        CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = instance });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        var app = builder.Build();

        var log = new RestRequestLog(RestRequestLog.FileIn(instance));
        var faults = new RestFaults();
        var jobs = new QueryJobs(new JobStatements(front), front.OrganizationId + "@AdobeOrg") { Latency = jobLatency };
        var gateway = new RestGateway(settings, faults, log);
        app.Use(gateway.InvokeAsync);
        RestEndpoints.Map(app, settings, jobs);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            log.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new RestHost(app, log, faults, jobs, new Uri(address).Port);
    }

    public async ValueTask DisposeAsync()
    {
        await Jobs.DisposeAsync().ConfigureAwait(false);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _log.Dispose();
    }
}

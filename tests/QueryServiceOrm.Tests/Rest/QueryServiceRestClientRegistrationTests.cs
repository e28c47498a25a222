using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QueryServiceOrm.Rest;

namespace QueryServiceOrm.Tests.Rest;

/// <summary>
/// <c>AddQueryServiceRestClient&lt;TContext&gt;</c> beside <c>AddQueryServiceDbContext</c>, configured as an application is
/// (the variables of <c>qsorm sandbox env --oauth</c>): the context's wire and the REST API share one OAuth token.
/// </summary>
public sealed class QueryServiceRestClientRegistrationTests
{
    [Test]
    public async Task The_context_and_the_rest_client_share_one_token_from_the_configuration()
    {
        var sandbox = await SharedSandbox.GetAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(sandbox.OAuthEnvironmentVariables()
                .Select(v => KeyValuePair.Create(v.Key.Replace("__", ":", StringComparison.Ordinal), (string?)v.Value)))
            .Build();
        var since = DateTimeOffset.UtcNow;
        var services = new ServiceCollection();
        services.AddQueryServiceDbContext<JobSourceContext>(configuration);
        services.AddQueryServiceRestClient<JobSourceContext>();
        await using var provider = services.BuildServiceProvider();

        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobSourceContext>().Database.GetTableNamesAsync();
        }

        var client = provider.GetRequiredService<QueryServiceRestClient>();
        var job = await (await client.SubmitJobAsync(new QueryServiceQueryRequest { Sql = "SELECT 1 AS one" })).WaitAsync();

        var tokenRequests = sandbox.ReadRestLog().Count(e => e.Time >= since && e.Path.StartsWith("/ims/token", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(job.State, Is.EqualTo(QueryServiceJobState.Success));
            Assert.That(client.Options.BaseAddress, Is.EqualTo(sandbox.RestBaseAddress));
            Assert.That(tokenRequests, Is.EqualTo(1), "one token served the wire and the REST API");
        });
    }
}

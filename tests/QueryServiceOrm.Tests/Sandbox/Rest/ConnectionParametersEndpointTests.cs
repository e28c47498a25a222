using System.Text.Json;
using QueryServiceOrm.Rest;

namespace QueryServiceOrm.Tests.Sandbox.Rest;

/// <summary>
/// <c>GET /connection_parameters</c> of the sandbox's REST API: the fields Adobe documents, naming the front and the token
/// it accepts, behind the gateway's checks.
/// </summary>
[NonParallelizable]
public sealed class ConnectionParametersEndpointTests
{
    [Test]
    public async Task The_answer_has_adobes_fields_and_names_the_front_with_the_token_it_accepts()
    {
        var sandbox = await SharedSandbox.GetAsync();
        using var rest = SandboxRestClient.Create(sandbox);
        var parameters = await rest.Client.GetConnectionParametersAsync();
        using var http = new HttpClient(QueryServiceRestHandlers.Create(sandbox.RootCertificatePath, TimeSpan.FromSeconds(30)));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(sandbox.RestBaseAddress, "connection_parameters"));
        request.Headers.Authorization = new("Bearer", await rest.Tokens.GetAccessTokenAsync());
        request.Headers.Add("x-api-key", sandbox.ClientId);
        request.Headers.Add("x-gw-ims-org-id", sandbox.Username);
        request.Headers.Add("x-sandbox-name", sandbox.SandboxName);
        using var response = await http.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(parameters, Is.EqualTo(new QueryServiceConnectionParameters(
                sandbox.Host, sandbox.Port, sandbox.SandboxName + ":all", sandbox.Username)));
            Assert.That(
                body.RootElement.EnumerateObject().Select(p => p.Name),
                Is.EquivalentTo(new[] { "username", "dbName", "host", "version", "port", "token" }));
            Assert.That(body.RootElement.GetProperty("token").GetString(), Is.EqualTo(sandbox.Password), "the token the front accepts");
        });
    }
}

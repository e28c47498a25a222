using Microsoft.Extensions.Configuration;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Rest;

namespace QueryServiceOrm.Tests.Credentials;

/// <summary>
/// OAuth settings with a sandbox name and no host: read as credentials whose wire settings come from the REST API, and every
/// setting that would say otherwise refused by name.
/// </summary>
public sealed class ConnectionParametersSettingsTests
{
    private const string Secret = "the-client-secret";

    private static readonly Dictionary<string, string?> OAuthAlone = new()
    {
        ["QueryService:ClientId"] = "client",
        ["QueryService:ClientSecret"] = Secret,
        ["QueryService:OrganizationId"] = "ORG123",
        ["QueryService:SandboxName"] = "dev",
    };

    [Test]
    public void Oauth_settings_and_a_sandbox_name_leave_the_wire_to_the_api()
    {
        var credentials = Load();
        Assert.Multiple(() =>
        {
            Assert.That((credentials.Host, credentials.Username, credentials.SandboxName), Is.EqualTo(("", "", "dev")));
            Assert.That(credentials.Database, Is.EqualTo("dev:all"), "the jobs' database, in the sandbox named");
            Assert.That(QueryServiceRestOptions.For(credentials).SandboxName, Is.EqualTo("dev"));
            Assert.That(
                credentials.ToString(), Does.Contain("SandboxName=dev").And.Contain("/connection_parameters").And.Not.Contain(Secret));
        });
    }

    [TestCase("Port", "5432")]
    [TestCase("Database", "dev:all")]
    [TestCase("Username", "ORG123@AdobeOrg")]
    public void A_wire_setting_without_a_host_is_refused_by_name(string key, string value)
    {
        var error = Assert.Throws<QueryServiceConfigurationException>(() => Load((key, value)))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Field, Is.EqualTo(key));
            Assert.That(error.Message, Does.Contain("/connection_parameters").And.Contain("set Host too"));
        });
    }

    [Test]
    public void Oauth_settings_without_host_or_sandbox_name_name_both_ways()
    {
        var error = Assert.Throws<QueryServiceConfigurationException>(() => Load(("SandboxName", null)))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Field, Is.EqualTo(QueryServiceCredentialKeys.Host));
            Assert.That(error.Message, Does.Contain("SandboxName").And.Not.Contain(Secret));
        });
    }

    [Test]
    public void A_sandbox_name_outside_the_database_is_refused()
    {
        var error = Assert.Throws<QueryServiceConfigurationException>(
            () => Load(("Host", "acme.platform-query.adobe.io"), ("Database", "prod:all")))!;
        Assert.That(error.Field, Is.EqualTo(QueryServiceCredentialKeys.Database));
    }

    private static QueryServiceCredentials Load(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>(OAuthAlone);
        foreach (var (key, value) in overrides)
        {
            settings["QueryService:" + key] = value;
        }

        return QueryServiceCredentials.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }
}

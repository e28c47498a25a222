using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Tests.Live;

/// <summary>The connection tests against a real Query Service sandbox, one per credential kind.</summary>
[TestFixture]
[Category(LiveSandbox.Category)]
public sealed class LiveConnectionTests
{
    [OneTimeSetUp]
    public void RequireLiveSandbox() => LiveSandbox.RequireEnabled();

    private static QueryServiceCredentials Base()
        => new()
        {
            Host = LiveSandbox.Setting(QueryServiceCredentialKeys.Host) ?? "",
            Port = int.Parse(
                LiveSandbox.Setting(QueryServiceCredentialKeys.Port) ?? "80", System.Globalization.CultureInfo.InvariantCulture),
            Database = LiveSandbox.Setting(QueryServiceCredentialKeys.Database) ?? QueryServiceCredentials.DefaultDatabase,
            Username = LiveSandbox.Setting(QueryServiceCredentialKeys.Username)
                       ?? (LiveSandbox.Setting(QueryServiceCredentialKeys.OrganizationId) is { } org
                           ? org.EndsWith("@AdobeOrg", StringComparison.Ordinal) ? org : org + "@AdobeOrg"
                           : ""),
            Dialect = QueryServiceDialect.FromSettings(LiveSandbox.Setting),
        };

    private static async Task AssertListsTablesAsync(QueryServiceCredentials credentials)
    {
        await using var context = new QueryServiceDbContextFactory<EmptyContext>(credentials).CreateDbContext();
        var tables = await context.Database.GetTableNamesAsync();
        TestContext.Out.WriteLine($"{tables.Count} tables, e.g. {string.Join(", ", tables.Take(5))}");
        Assert.That(tables, Is.Not.Null);
    }

    [Test]
    public async Task The_configured_credentials_list_tables()
        => await AssertListsTablesAsync(QueryServiceCredentials.FromEnvironment());

    [Test]
    public async Task An_access_token_as_password_lists_tables()
    {
        LiveSandbox.RequireSettings("password", QueryServiceCredentialKeys.Password);
        await AssertListsTablesAsync((Base() with { Password = LiveSandbox.Setting(QueryServiceCredentialKeys.Password) }).Validate());
    }

    [Test]
    public async Task A_non_expiring_credential_file_lists_tables()
    {
        LiveSandbox.RequireSettings(
            "credential file", QueryServiceCredentialKeys.CredentialFile, QueryServiceCredentialKeys.OrganizationId);
        await AssertListsTablesAsync(QueryServiceCredentials.FromCredentialFile(
            Base().Host,
            LiveSandbox.Setting(QueryServiceCredentialKeys.CredentialFile)!,
            LiveSandbox.Setting(QueryServiceCredentialKeys.OrganizationId)!)
            with { Port = Base().Port, Database = Base().Database });
    }

    [Test]
    public async Task OAuth_server_to_server_lists_tables()
    {
        LiveSandbox.RequireSettings(
            "OAuth",
            QueryServiceCredentialKeys.ClientId,
            QueryServiceCredentialKeys.ClientSecret,
            QueryServiceCredentialKeys.OrganizationId);
        using var provider = new QueryServiceAccessTokenProvider(new QueryServiceOAuthOptions
        {
            ClientId = LiveSandbox.Setting(QueryServiceCredentialKeys.ClientId)!,
            ClientSecret = LiveSandbox.Setting(QueryServiceCredentialKeys.ClientSecret)!,
            OrganizationId = LiveSandbox.Setting(QueryServiceCredentialKeys.OrganizationId)!,
            Scopes = LiveSandbox.Setting(QueryServiceCredentialKeys.Scopes) ?? QueryServiceOAuthOptions.DefaultScopes,
        });
        await AssertListsTablesAsync(
            QueryServiceCredentials.FromOAuth(Base().Host, provider) with { Port = Base().Port, Database = Base().Database });
    }

    [Test]
    public async Task Verify_full_against_the_configured_root_certificate()
    {
        LiveSandbox.RequireSettings("TLS verification", QueryServiceCredentialKeys.RootCertificate);
        await AssertListsTablesAsync(QueryServiceCredentials.FromEnvironment() with
        {
            SslMode = SslMode.VerifyFull,
            RootCertificate = LiveSandbox.Setting(QueryServiceCredentialKeys.RootCertificate),
        });
    }

    [Test]
    public async Task A_wrong_password_is_refused_with_28P01()
    {
        var credentials = Base() with { Password = "not-a-valid-token" };
        await using var context = new QueryServiceDbContextFactory<EmptyContext>(credentials).CreateDbContext();
        var error = Assert.ThrowsAsync<PostgresException>(() => context.Database.GetTableNamesAsync())!;
        Assert.That(error.SqlState, Is.AnyOf(PostgresErrorCodes.InvalidPassword, PostgresErrorCodes.InvalidAuthorizationSpecification));
    }
}

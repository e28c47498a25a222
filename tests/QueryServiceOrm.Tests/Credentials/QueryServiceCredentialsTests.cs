using Microsoft.Extensions.Configuration;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Tests.Credentials;

public sealed class QueryServiceCredentialsTests
{
    private const string Token = "eyJhbGciOi'\"\\ @:/?#%;=token";

    private static readonly Dictionary<string, string?> Good = new()
    {
        ["QueryService:Host"] = "acme.platform-query.adobe.io",
        ["QueryService:Username"] = "ECBB80245ECFC73E8A095EC9@AdobeOrg",
        ["QueryService:Password"] = Token,
    };

    private static QueryServiceCredentials Load(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>(Good);
        foreach (var (key, value) in overrides)
        {
            settings["QueryService:" + key] = value;
        }

        return QueryServiceCredentials.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }

    private static void AssertRejected(string field, params (string Key, string? Value)[] overrides)
    {
        var error = Assert.Throws<QueryServiceConfigurationException>(() => Load(overrides))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Field, Is.EqualTo(field));
            Assert.That(error.Message, Does.Contain($"QueryService:{field}").And.Contain($"QueryService__{field}"));
            Assert.That(error.ConfigurationKey, Is.EqualTo($"QueryService:{field}"));
            Assert.That(error.EnvironmentVariable, Is.EqualTo($"QueryService__{field}"));
            Assert.That(error.Message, Does.Not.Contain(Token));
        });
    }

    [Test]
    public void Defaults_follow_the_credentials_tab()
    {
        var credentials = Load();
        Assert.Multiple(() =>
        {
            Assert.That(credentials.Port, Is.EqualTo(80));
            Assert.That(credentials.Database, Is.EqualTo("prod:all"));
            Assert.That(credentials.SslMode, Is.EqualTo(SslMode.Require));
            Assert.That(credentials.Dialect, Is.EqualTo(QueryServiceDialect.Default));
            Assert.That(credentials.Password, Is.EqualTo(Token));
            Assert.That(credentials.AccessTokenProvider, Is.Null);
            Assert.That(credentials.ConnectTimeout, Is.Null);
        });
    }

    [Test]
    public void Every_setting_is_read_from_configuration()
    {
        using var root = new TempFile("-----BEGIN CERTIFICATE-----");
        var credentials = Load(
            ("Port", "5432"), ("Database", "dev:mydb.myschema"), ("SslMode", "verify-ca"), ("RootCertificate", root.Path),
            ("Dialect:IdentifierQuote", "doublequote"),
            ("Dialect:DoubleColumnType", "Double"), ("Dialect:ExplodeForm", "LateralView"), ("Dialect:SupportsOffset", "false"),
            ("Dialect:ParameterMode", "Bind"),
            ("ConnectTimeout", "7"));
        Assert.Multiple(() =>
        {
            Assert.That(credentials.Port, Is.EqualTo(5432));
            Assert.That(credentials.ConnectTimeout, Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(credentials.Database, Is.EqualTo("dev:mydb.myschema"));
            Assert.That(credentials.SslMode, Is.EqualTo(SslMode.VerifyCA));
            Assert.That(credentials.Dialect, Is.EqualTo(new QueryServiceDialect
            {
                IdentifierQuote = QueryServiceIdentifierQuote.DoubleQuote, DoubleColumnType = QueryServiceDoubleColumnType.Double,
                ExplodeForm = QueryServiceExplodeForm.LateralView, SupportsOffset = false, ParameterMode = QueryServiceParameterMode.Bind,
            }));
        });
    }

    [Test]
    public void Passwords_are_trimmed_like_adobes_python_sample_needs()
        => Assert.That(Load(("Password", "\n  " + Token + "\r\n")).Password, Is.EqualTo(Token));

    [Test]
    public void The_section_itself_can_be_passed()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Good).Build();
        Assert.That(
            QueryServiceCredentials.FromConfiguration(configuration.GetSection("QueryService")).Host,
            Is.EqualTo("acme.platform-query.adobe.io"));
    }

    [Test]
    public void Environment_variables_work_the_dotnet_way()
    {
        var variables = new Dictionary<string, string>
        {
            ["QueryService__Host"] = "env.platform-query.adobe.io",
            ["QueryService__Port"] = "5432",
            ["QueryService__Database"] = "prod:all?FLATTEN",
            ["QueryService__Username"] = "ENV@AdobeOrg",
            ["QueryService__Password"] = " " + Token + "\n",
            ["QueryService__SslMode"] = "Require",
            ["QueryService__Dialect__ExplodeForm"] = "LateralView",
        };
        using var scope = new EnvironmentScope(variables);

        var fromConfiguration = QueryServiceCredentials.FromConfiguration(new ConfigurationBuilder().AddEnvironmentVariables().Build());
        var fromEnvironment = QueryServiceCredentials.FromEnvironment();

        foreach (var credentials in new[] { fromConfiguration, fromEnvironment })
        {
            Assert.Multiple(() =>
            {
                Assert.That(credentials.Host, Is.EqualTo("env.platform-query.adobe.io"));
                Assert.That(credentials.Port, Is.EqualTo(5432));
                Assert.That(credentials.Database, Is.EqualTo("prod:all?FLATTEN"));
                Assert.That(credentials.Username, Is.EqualTo("ENV@AdobeOrg"));
                Assert.That(credentials.Password, Is.EqualTo(Token));
                Assert.That(credentials.Dialect.ExplodeForm, Is.EqualTo(QueryServiceExplodeForm.LateralView));
            });
        }
    }

    [Test]
    public void Missing_host_is_named() => AssertRejected("Host", ("Host", null));

    [TestCase("https://acme.platform-query.adobe.io")]
    [TestCase("acme.platform-query.adobe.io/path")]
    [TestCase("acme.platform-query.adobe.io:80")]
    [TestCase("postgresql://acme.platform-query.adobe.io")]
    public void A_url_as_host_is_named(string host) => AssertRejected("Host", ("Host", host));

    [TestCase("0")]
    [TestCase("65536")]
    [TestCase("-1")]
    [TestCase("eighty")]
    public void A_port_outside_the_range_is_named(string port) => AssertRejected("Port", ("Port", port));

    [TestCase("0")]
    [TestCase("1025")]
    [TestCase("-3")]
    [TestCase("2.5")]
    [TestCase("soon")]
    public void A_connect_timeout_outside_1_to_1024_whole_seconds_is_named(string seconds)
        => AssertRejected("ConnectTimeout", ("ConnectTimeout", seconds));

    [TestCase("prod")]
    [TestCase("prod:")]
    [TestCase(":all")]
    [TestCase("prod all")]
    [TestCase("prod:all:more")]
    public void A_database_not_of_the_form_sandbox_target_is_named(string database) => AssertRejected("Database", ("Database", database));

    [Test]
    public void Missing_user_is_named() => AssertRejected("Username", ("Username", null));

    [Test]
    public void Missing_password_is_named() => AssertRejected("Password", ("Password", null));

    [Test]
    public void A_blank_password_is_missing() => AssertRejected("Password", ("Password", " \n "));

    [TestCase("Disable")]
    [TestCase("Allow")]
    [TestCase("Prefer")]
    public void Ssl_modes_that_can_fall_back_to_plain_text_are_refused(string mode)
    {
        AssertRejected("SslMode", ("SslMode", mode));
        var error = Assert.Throws<QueryServiceConfigurationException>(() => Load(("SslMode", mode)))!;
        Assert.That(error.Message, Does.Contain("unencrypted"));
    }

    [Test]
    public void An_unknown_ssl_mode_is_named() => AssertRejected("SslMode", ("SslMode", "always"));

    [Test]
    public void Verify_full_without_a_root_certificate_is_named() => AssertRejected("RootCertificate", ("SslMode", "VerifyFull"));

    [Test]
    public void Verify_full_with_an_unreadable_root_certificate_is_named()
        => AssertRejected("RootCertificate", ("SslMode", "VerifyFull"), ("RootCertificate", "/nonexistent/root.pem"));

    [Test]
    public void Verify_full_with_a_readable_root_certificate_is_accepted()
    {
        var path = Path.GetTempFileName();
        try
        {
            Assert.That(Load(("SslMode", "VerifyFull"), ("RootCertificate", path)).SslMode, Is.EqualTo(SslMode.VerifyFull));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_switch_with_an_unknown_value_is_named_with_its_choices()
    {
        var error = Assert.Throws<QueryServiceConfigurationException>(() => Load(("Dialect:ExplodeForm", "Sideways")))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Field, Is.EqualTo("Dialect:ExplodeForm"));
            Assert.That(error.Message, Does.Contain("LateralSubquery or LateralView").And.Contain("QueryService__Dialect__ExplodeForm"));
            Assert.That(
                () => Load(("Dialect:SupportsOffset", "maybe")),
                Throws.TypeOf<QueryServiceConfigurationException>().With.Message.Contains("true or false"));
            Assert.That(
                () => Load(("Dialect:ParameterMode", "1")),
                Throws.TypeOf<QueryServiceConfigurationException>().With.Property("Field").EqualTo("Dialect:ParameterMode"));
        });
    }

    [TestCase("PostgreSql")]
    [TestCase("QueryService")]
    public void The_retired_dialect_choice_is_refused_with_what_to_do(string value)
    {
        var error = Assert.Throws<QueryServiceConfigurationException>(() => Load(("Dialect", value)))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("only Query Service SQL").And.Contain("remove it").And.Contain("qsorm doctor"));
            Assert.That(
                error.Message,
                Does.Contain("Remove the configuration key 'QueryService:Dialect'").And.Not.Contain("Set the configuration key"));
            Assert.That(error.Retired, Is.True);
        });
    }

    [Test]
    public void A_misspelt_switch_is_refused_not_ignored()
    {
        var fromConfiguration = Assert.Throws<QueryServiceConfigurationException>(() => Load(("Dialect:ExplodForm", "LateralView")))!;
        using var scope = new EnvironmentScope(new Dictionary<string, string>
        {
            ["QueryService__Host"] = "env.platform-query.adobe.io", ["QueryService__Username"] = "ENV@AdobeOrg",
            ["QueryService__Password"] = Token,
            ["QueryService__Dialect__SupportOffset"] = "false",
        });
        var fromEnvironment = Assert.Throws<QueryServiceConfigurationException>(() => QueryServiceCredentials.FromEnvironment())!;
        Assert.Multiple(() =>
        {
            Assert.That(fromConfiguration.Field, Is.EqualTo("Dialect:ExplodForm"));
            Assert.That(
                fromConfiguration.Message,
                Does.Contain(
                    "is not a switch of the dialect: use IdentifierQuote, DoubleColumnType, ExplodeForm, SupportsOffset, ParameterMode"));
            Assert.That(fromEnvironment.Field, Is.EqualTo("Dialect:SupportOffset"));
            Assert.That(fromEnvironment.EnvironmentVariable, Is.EqualTo("QueryService__Dialect__SupportOffset"));
        });
    }

    [Test]
    public void Validation_runs_on_hand_built_credentials_too()
    {
        var credentials = new QueryServiceCredentials { Host = "h.adobe.io", Username = "u@AdobeOrg", Password = "p", Port = 70000 };
        Assert.That(
            () => credentials.Validate(), Throws.TypeOf<QueryServiceConfigurationException>().With.Property("Field").EqualTo("Port"));
    }

    [Test]
    public void ToString_never_shows_the_password()
    {
        var text = Load().ToString();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain(Token));
            Assert.That(text, Does.Contain("Password=<redacted>"));
            Assert.That(text, Does.Contain("Host=acme.platform-query.adobe.io"));
        });
    }

    [Test]
    public void A_credential_file_gives_account_and_credential_as_password()
    {
        using var file = new TempFile("""{ "technicalAccountId": "ABC123@techacct.adobe.com", "credential": "s3cr3t'\"\\" }""");
        var fromFile = QueryServiceCredentials.FromCredentialFile("acme.platform-query.adobe.io", file.Path, "ECBB80245ECFC73E8A095EC9");
        var fromConfiguration = Load(
            ("Username", null), ("Password", null), ("CredentialFile", file.Path), ("OrganizationId", "ECBB80245ECFC73E8A095EC9@AdobeOrg"));

        foreach (var credentials in new[] { fromFile, fromConfiguration })
        {
            Assert.Multiple(() =>
            {
                Assert.That(credentials.Password, Is.EqualTo("ABC123@techacct.adobe.com:s3cr3t'\"\\"));
                Assert.That(credentials.Username, Is.EqualTo("ECBB80245ECFC73E8A095EC9@AdobeOrg"));
            });
        }
    }

    [Test]
    public void A_credential_file_that_cannot_be_read_is_named()
        => AssertRejected(
            "CredentialFile", ("Password", null), ("CredentialFile", "/nonexistent/credential.json"), ("OrganizationId", "ORG"));

    [TestCase("""{ "technicalAccountId": "ABC", "credential_x": "SECRETVALUE" }""")]
    [TestCase("""{ "technicalAccountId": "ABC", "credential": "SECRETVALUE" """)]
    [TestCase("""[ "SECRETVALUE" ]""")]
    public void A_malformed_credential_file_is_named_without_quoting_it(string content)
    {
        using var file = new TempFile(content);
        var error = Assert.Throws<QueryServiceConfigurationException>(
            () => QueryServiceCredentials.FromCredentialFile("acme.platform-query.adobe.io", file.Path, "ORG"))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Field, Is.EqualTo("CredentialFile"));
            Assert.That(error.ToString(), Does.Not.Contain("SECRETVALUE"));
        });
    }

    [Test]
    public void A_credential_file_needs_the_organisation()
    {
        using var file = new TempFile("""{ "technicalAccountId": "ABC", "credential": "x" }""");
        AssertRejected("OrganizationId", ("Username", null), ("Password", null), ("CredentialFile", file.Path));
    }

    [Test]
    public void OAuth_settings_build_a_token_provider_and_the_user_from_the_organisation()
    {
        var credentials = Load(
            ("Username", null), ("Password", null), ("ClientId", "client"), ("ClientSecret", " secret\n"), ("OrganizationId", "ORG123"),
            ("Scopes", "openid,session"), ("TokenEndpoint", "https://ims.example.test/ims/token/v3"));

        Assert.Multiple(() =>
        {
            Assert.That(credentials.Username, Is.EqualTo("ORG123@AdobeOrg"));
            Assert.That(credentials.Password, Is.Null);
            Assert.That(credentials.AccessTokenProvider!.Options.ClientSecret, Is.EqualTo("secret"));
            Assert.That(credentials.AccessTokenProvider.Options.Scopes, Is.EqualTo("openid,session"));
            Assert.That(
                credentials.AccessTokenProvider.Options.TokenEndpoint, Is.EqualTo(new Uri("https://ims.example.test/ims/token/v3")));
            Assert.That(credentials.ToString(), Does.Not.Contain("secret"));
        });
    }

    [Test]
    public void OAuth_defaults_to_adobe_ims_v3()
    {
        var credentials = Load(("Username", null), ("Password", null), ("ClientId", "c"), ("ClientSecret", "s"), ("OrganizationId", "O"));
        Assert.Multiple(() =>
        {
            Assert.That(
                credentials.AccessTokenProvider!.Options.TokenEndpoint, Is.EqualTo(new Uri("https://ims-na1.adobelogin.com/ims/token/v3")));
            Assert.That(credentials.AccessTokenProvider.Options.Scopes, Does.Contain("session"));
        });
    }

    [Test]
    public void OAuth_without_a_secret_is_named()
        => AssertRejected("ClientSecret", ("Username", null), ("Password", null), ("ClientId", "c"), ("OrganizationId", "O"));

    [Test]
    public void OAuth_without_an_organisation_is_named()
        => AssertRejected("OrganizationId", ("Username", null), ("Password", null), ("ClientId", "c"), ("ClientSecret", "s"));

    [TestCase("http://ims.example.test/ims/token/v3")]
    [TestCase("ftp://ims.example.test/token")]
    [TestCase("not a url")]
    public void An_unsafe_token_endpoint_is_named(string endpoint)
        => AssertRejected(
            "TokenEndpoint", ("Username", null), ("Password", null), ("ClientId", "c"), ("ClientSecret", "s"), ("OrganizationId", "O"),
            ("TokenEndpoint", endpoint));

    [Test]
    public void OAuth_and_a_password_together_are_refused()
        => AssertRejected("Password", ("ClientId", "c"), ("ClientSecret", "s"), ("OrganizationId", "O"));

    [Test]
    public void The_refresh_check_must_come_round_inside_the_renewal_window()
        => Assert.That(
            () => new QueryServiceAccessTokenProvider(new QueryServiceOAuthOptions
            {
                ClientId = "c", ClientSecret = "s", OrganizationId = "O",
                RefreshCheckInterval = TimeSpan.FromMinutes(30), RefreshBeforeExpiry = TimeSpan.FromMinutes(10),
            }),
            Throws.TypeOf<QueryServiceConfigurationException>().With.Property("Field").EqualTo("RefreshCheckInterval"));

    private sealed class TempFile : IDisposable
    {
        public TempFile(string content)
        {
            Path = System.IO.Path.GetTempFileName();
            File.WriteAllText(Path, content);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }

    [Test]
    public void A_connection_string_gives_the_same_credentials_and_checks()
    {
        var credentials = QueryServiceCredentials.FromConnectionString(
            "Host=acme.platform-query.adobe.io;Port=80;Database=prod:all;Username=ORG@AdobeOrg;Password=token;SSL Mode=Require");
        Assert.Multiple(() =>
        {
            Assert.That(credentials.Host, Is.EqualTo("acme.platform-query.adobe.io"));
            Assert.That(credentials.Port, Is.EqualTo(80));
            Assert.That(credentials.Database, Is.EqualTo("prod:all"));
            Assert.That(credentials.Username, Is.EqualTo("ORG@AdobeOrg"));
            Assert.That(credentials.SslMode, Is.EqualTo(Npgsql.SslMode.Require));
            Assert.That(credentials.Dialect, Is.EqualTo(QueryServiceOrm.Infrastructure.QueryServiceDialect.Default));
            Assert.That(() => QueryServiceCredentials.FromConnectionString("Host=h;Username=u@AdobeOrg;Password=p;Dialect=PostgreSql"),
                Throws.TypeOf<QueryServiceConfigurationException>().With.Message.Contains("only Query Service SQL").And.Property(
                    "Retired").True);
            Assert.That(() => QueryServiceCredentials.FromConnectionString("Host=h;Username=u@AdobeOrg;Password=p;SSL Mode=Disable"),
                Throws.TypeOf<QueryServiceConfigurationException>().With.Property(
                    nameof(QueryServiceConfigurationException.Field)).EqualTo("SslMode"));
            Assert.That(() => QueryServiceCredentials.FromConnectionString("Host=h;Username=u@AdobeOrg;Password=p;Pooling=false"),
                Throws.ArgumentException.With.Message.Contains("pooling").IgnoreCase.And.Message.Contains("UseQueryService"));
        });
    }
}

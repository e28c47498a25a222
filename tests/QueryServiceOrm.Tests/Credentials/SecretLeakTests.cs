using Microsoft.EntityFrameworkCore.Infrastructure;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Tests.Credentials;

/// <summary>
/// Captures every log message at Trace level (EF and Npgsql, sensitive data logging on) and every exception
/// text through failing and succeeding connections, and looks for any secret in them.
/// </summary>
public sealed class SecretLeakTests
{
    [Test]
    public async Task No_secret_reaches_logs_exceptions_or_printed_settings()
    {
        var sandbox = await SharedSandbox.GetAsync();
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = logs.CreateFactory();
        var printed = new List<string>();

        DbContextOptionsBuilder<EmptyContext> Logged(DbContextOptionsBuilder<EmptyContext> o)
            => o.UseLoggerFactory(loggerFactory).EnableSensitiveDataLogging().EnableDetailedErrors();

        void WithNpgsqlLogging(QueryServiceDbContextOptionsBuilder o)
            => o.ConfigureDataSource(b => b.UseLoggerFactory(loggerFactory).EnableParameterLogging());

        async Task RunAsync(QueryServiceCredentials credentials, bool expectFailure)
        {
            printed.Add(credentials.ToString());
            var factory = new QueryServiceDbContextFactory<EmptyContext>(credentials, WithNpgsqlLogging, o => Logged(o));
            printed.Add(factory.Options.ToString()!);
            await using var context = factory.CreateDbContext();
            printed.Add(context.Database.GetConnectionString() ?? "");
            printed.Add(string.Join(";", context.GetService<IDbContextOptions>().Extensions.Select(e => e.Info.LogFragment)));
            try
            {
                printed.AddRange(await context.Database.GetTableNamesAsync());
                Assert.That(expectFailure, Is.False, "this connection was expected to succeed");
            }
            catch (Exception e) when (expectFailure)
            {
                printed.Add(e.ToString());
            }
        }

        var wrongPassword = "eyJwrong-" + QueryServiceOrm.Sandbox.SandboxTokens.NewToken(300);
        await RunAsync(sandbox.Credentials(), expectFailure: false);
        await RunAsync(new QueryServiceCredentials
        {
            Host = sandbox.Host, Port = sandbox.Port, Username = sandbox.Username, Password = wrongPassword,
        }, expectFailure: true);

        const string clientSecret = "p8e-THE-CLIENT-SECRET-value";
        await using var endpoint = new LocalTokenEndpoint("client", clientSecret, TimeSpan.FromHours(1),
            async (token, _) => await sandbox.RotatePasswordAsync(token));
        var original = sandbox.Password;
        try
        {
            var oauth = new QueryServiceOAuthOptions
            {
                ClientId = "client",
                ClientSecret = clientSecret,
                OrganizationId = sandbox.OrganizationId,
                TokenEndpoint = endpoint.TokenUri
            };
            using var provider = new QueryServiceAccessTokenProvider(oauth);

            // The stand-in swaps the password when a token is issued; a backend that started before the swap still checks
            // the old one, so have the token before the first connection starts (the real service accepts a token from issuance).
            await provider.GetAccessTokenAsync();
            await RunAsync(QueryServiceCredentials.FromOAuth(sandbox.Host, provider) with { Port = sandbox.Port }, expectFailure: false);

            using var refused = new QueryServiceAccessTokenProvider(oauth with { ClientSecret = "p8e-WRONG-secret-value" });
            await RunAsync(
                new QueryServiceCredentials
                {
                    Host = sandbox.Host, Port = sandbox.Port, Username = sandbox.Username, AccessTokenProvider = refused,
                },
                expectFailure: true);
        }
        finally
        {
            await sandbox.RotatePasswordAsync(original);
        }

        var secrets = new[]
        {
            sandbox.Password, wrongPassword, clientSecret, "p8e-WRONG-secret-value"
        }.Concat(endpoint.IssuedTokens).ToList();
        var everything = logs.AllText + "\n" + string.Join("\n", printed);

        Assert.Multiple(() =>
        {
            Assert.That(logs.Entries, Has.Count.GreaterThan(50), "Trace logging was captured");
            Assert.That(logs.AllText, Does.Contain("Opening connection").Or.Contain("Opened connection"), "Npgsql's own log was captured");
            Assert.That(endpoint.IssuedTokens, Is.Not.Empty, "an OAuth token was used");
            foreach (var secret in secrets)
            {
                // A distinctive middle slice catches partial leaks too.
                Assert.That(
                    everything,
                    Does.Not.Contain(secret.Length <= 40 ? secret : secret[10..40]),
                    $"a secret starting '{secret[..3]}' leaked");
            }
        });
    }
}

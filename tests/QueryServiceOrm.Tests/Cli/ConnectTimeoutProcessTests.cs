using QueryServiceOrm.Cli.Profiles;
using QueryServiceOrm.Credentials;

namespace QueryServiceOrm.Tests.Cli;

/// <summary>
/// <c>qsorm tables</c> and <c>qsorm query</c> as processes against a server on 127.0.0.1 that goes silent at one step: each
/// ends within the profile's <c>ConnectTimeout</c> with one line that says it timed out, after how long, at which step and
/// what to do, exit code 2, no stack trace. Before, the silent TLS handshake held them until killed.
/// </summary>
[NonParallelizable]
public sealed class ConnectTimeoutProcessTests
{
    private const string Password = "a-token-that-must-never-be-printed";

    // Not a timing assertion: only a guard that turns a hang into a failure, far above the 2 s connect timeout.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    private QsormHome _home = null!;

    [SetUp]
    public void CreateHome() => _home = new QsormHome();

    [TearDown]
    public void RemoveHome() => _home.Dispose();

    [TestCase(Silence.FromTheStart, "at the TLS request")]
    [TestCase(Silence.AfterTlsRequest, "in the TLS handshake")]
    [TestCase(Silence.AfterTlsHandshake, "during authentication")]
    public async Task Tables_and_query_on_a_silent_server_time_out_naming_the_step(Silence silence, string step)
    {
        await using var server = new SilentServer(silence);
        SaveProfile("slow", server.Port);
        var environment = new Dictionary<string, string> { ["QSORM_CONFIG_HOME"] = _home.Directory };

        var tables = await Qsorm.RunProcessWithinAsync(HangGuard, environment, "tables", "--profile", "slow");
        var query = await Qsorm.RunProcessWithinAsync(HangGuard, environment, "query", "SELECT 1", "--profile", "slow");

        foreach (var (name, result) in new[] { ("tables", tables), ("query", query) })
        {
            Assert.Multiple(() =>
            {
                Assert.That(result.Code, Is.EqualTo(2), name + ": " + result.Errors);
                Assert.That(
                    result.Errors, Does.StartWith($"error: Connecting to 127.0.0.1:{server.Port} timed out after 2 s {step}"), name);
                Assert.That(
                    result.Errors, Does.Contain("raise the connect timeout: QueryService:ConnectTimeout").And.EndWith("options.\n"), name);
                Assert.That(
                    result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries),
                    Has.Length.EqualTo(1),
                    name + ": one line, no stack trace");
                Assert.That(result.Output + result.Errors, Does.Not.Contain(Password), name);
            });
        }
    }

    private void SaveProfile(string name, int port)
        => new ProfileStore(_home.Directory).Save(name, new Dictionary<string, string>
        {
            [QueryServiceCredentialKeys.Host] = "127.0.0.1",
            [QueryServiceCredentialKeys.Port] = port.ToString(CultureInfo.InvariantCulture),
            [QueryServiceCredentialKeys.Username] = "ORG@AdobeOrg",
            [QueryServiceCredentialKeys.Password] = Password,
            [QueryServiceCredentialKeys.ConnectTimeout] = "2",
        });
}

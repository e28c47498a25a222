using System.Text;

namespace QueryServiceOrm.Tests.Cli;

/// <summary>
/// Profile files a user wrote by hand, as qsorm meets them as a process: a file that is not a JSON object, a value given as an
/// object, or TLS verification without its root certificate is a user error (exit 1) naming the file or the setting, with
/// no stack trace and nothing of the file's content.
/// </summary>
[NonParallelizable]
public sealed class ProfileFileTests
{
    private const string Secret = "Kq7vT2zWm9";
    private string _home = "";

    [SetUp]
    public void Home()
    {
        _home = Path.Combine(Path.GetTempPath(), "qsorm-profiles-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_home);
    }

    [TearDown]
    public void Remove() => Directory.Delete(_home, recursive: true);

    public static IEnumerable<TestCaseData> Malformed()
    {
        yield return new TestCaseData(
            Encoding.UTF8.GetBytes($$"""{"QueryService": {"Host": "h", "Password": "{{Secret}}" """),
            "is not valid JSON").SetArgDisplayNames("unterminated");
        yield return new TestCaseData(Array.Empty<byte>(), "is not valid JSON").SetArgDisplayNames("empty");
        yield return new TestCaseData(Encoding.UTF8.GetBytes($"[\"{Secret}\"]"), "holds a JSON array").SetArgDisplayNames("array");
        yield return new TestCaseData(new byte[] { 0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d }, "not")
            .SetArgDisplayNames("invalid UTF-8");
    }

    [TestCaseSource(nameof(Malformed))]
    public async Task A_file_that_is_not_a_json_object_is_named_without_its_content(byte[] content, string problem)
    {
        var path = Write("broken", content);
        var result = await Support.Qsorm.RunProcessAsync(Environment(), "tables", "--profile", "broken");
        Assert.Multiple(() =>
        {
            Assert.That(result.Code, Is.EqualTo(1), result.Errors);
            Assert.That(result.Errors, Does.Contain(path).And.Contain(problem));
            Assert.That(result.Errors, Does.Not.Contain("   at ").And.Not.Contain("Exception"), "no stack trace");
            Assert.That(result.Errors, Does.Not.Contain(Secret[..4]));
        });
    }

    [TestCase("\"Port\": {\"x\": 1}", "'Port' is an object or a list")]
    [TestCase("\"Port\": 5432, \"SslMode\": \"VerifyCA\"", "'RootCertificate' is missing; VerifyCA needs")]
    public async Task A_setting_of_the_wrong_shape_is_named(string settings, string expected)
    {
        Write(
            "odd",
            Encoding.UTF8.GetBytes(
                "{\"QueryService\": {\"Host\": \"127.0.0.1\", \"Username\": \"ORG@AdobeOrg\", \"Password\": \""
                + Secret + "\", " + settings + "}}"));
        var result = await Support.Qsorm.RunProcessAsync(Environment(), "tables", "--profile", "odd");
        Assert.Multiple(() =>
        {
            Assert.That(result.Code, Is.EqualTo(1), result.Errors);
            Assert.That(result.Errors, Does.Contain(expected));
            Assert.That(result.Errors, Does.Not.Contain(Secret[..4]));
        });
    }

    private Dictionary<string, string> Environment() => new() { ["QSORM_CONFIG_HOME"] = _home };

    private string Write(string profile, byte[] content)
    {
        var path = Path.Combine(_home, profile + ".json");
        File.WriteAllBytes(path, content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }
}

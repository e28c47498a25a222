namespace QueryServiceOrm.Tests.Support;

/// <summary>
/// Compares generated text with a file kept in the source tree. QSORM_ACCEPT_BASELINES=1 writes missing or changed
/// files instead (review them in the diff); otherwise a difference fails the test.
/// </summary>
internal static class Baseline
{
    public static void AssertMatches(string relativePath, string actual)
    {
        var path = RepositoryPaths.TestSource(relativePath);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
        if (Environment.GetEnvironmentVariable("QSORM_ACCEPT_BASELINES") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.That(
            File.Exists(path),
            Is.True,
            $"No baseline at {relativePath}. Run with QSORM_ACCEPT_BASELINES=1 to create it, then review it.\n{actual}");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(path)), $"The SQL differs from {relativePath}.");
    }
}

namespace QueryServiceOrm.Tests.Support;

/// <summary>Paths in the source tree, found from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "QueryServiceOrm.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("QueryServiceOrm.sln not found above the test directory.");
        }
    }

    public static string TestSource(params string[] parts) => Path.Combine([Root, "tests", "QueryServiceOrm.Tests", .. parts]);

    /// <summary>
    /// The built assembly of a project under migrations-samples/, in this test run's configuration (the solution builds them).
    /// </summary>
    public static string Sample(string project)
    {
        var framework = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        return Path.Combine(Root, "migrations-samples", project, "bin", framework.Parent!.Name, framework.Name, project + ".dll");
    }
}

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
}

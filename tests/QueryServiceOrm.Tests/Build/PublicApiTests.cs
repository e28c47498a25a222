namespace QueryServiceOrm.Tests.Build;

/// <summary>
/// The library's public surface is the list in <c>src/QueryServiceOrm/PublicAPI.*.txt</c>: a public member that is not
/// listed fails the build, so a change of the public API is a reviewed diff of that list.
/// </summary>
[NonParallelizable]
public sealed class PublicApiTests
{
    [Test]
    public async Task A_public_member_missing_from_the_public_api_list_fails_the_librarys_build()
    {
        // A copy of the library with one more public type: the repository's own build files, the same list.
        var copy = Path.Combine(Path.GetTempPath(), "qsorm-publicapi-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig" })
            {
                if (File.Exists(Path.Combine(RepositoryPaths.Root, file)))
                {
                    File.Copy(Path.Combine(RepositoryPaths.Root, file), WithParent(Path.Combine(copy, file)));
                }
            }

            var library = Path.Combine(RepositoryPaths.Root, "src", "QueryServiceOrm");
            foreach (var source in Directory.EnumerateFiles(library, "*", SearchOption.AllDirectories)
                         .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
            {
                File.Copy(source, WithParent(Path.Combine(copy, "src", "QueryServiceOrm", Path.GetRelativePath(library, source))));
            }

            await File.WriteAllTextAsync(
                Path.Combine(copy, "src", "QueryServiceOrm", "Unlisted.cs"),
                "namespace QueryServiceOrm;\n\n/// <summary>Not in the list.</summary>\npublic static class UnlistedSurface\n{\n"
                + "    /// <summary>Nor this.</summary>\n    public static int Answer => 42;\n}\n");

            var (code, output, errors) = await Shell.RunAsync(
                $"cd '{copy}/src/QueryServiceOrm' && dotnet build -c Release --nologo -v q 2>&1",
                new Dictionary<string, string>(),
                TimeSpan.FromMinutes(5));
            var errorLines = output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.Not.Zero, output + errors);
                Assert.That(errorLines, Is.Not.Empty.And.All.Contain("error RS0016").And.All.Contain("UnlistedSurface"),
                    "the unlisted type and its member are the only errors: everything else public is listed");
                Assert.That(
                    errorLines,
                    Has.Some.Contain("'static QueryServiceOrm.UnlistedSurface.Answer.get -> int'"),
                    "the member, as the list would have to spell it");
            });
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static string WithParent(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}

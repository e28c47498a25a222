using System.Text.RegularExpressions;

namespace QueryServiceOrm.Tests.Build;

/// <summary>
/// The house style the compiler does not check: lines of at most 140 columns (<c>max_line_length</c> in
/// <c>.editorconfig</c>) in every C# file, raw string literals aside (they hold SQL, shell and generated code verbatim),
/// and one top-level type per file in the shipped projects.
/// </summary>
public sealed partial class SourceStyleTests
{
    private const int MaxLineLength = 140;

    [Test]
    public void The_editorconfig_states_the_line_limit_this_test_checks()
        => Assert.That(
            File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".editorconfig")),
            Does.Contain($"max_line_length = {MaxLineLength}"));

    [Test]
    public void No_line_of_csharp_source_is_longer_than_the_limit()
    {
        var long_ = SourceFiles("src", "tests")
            .SelectMany(file => CodeLines(file).Select(l => (file, l.line, l.number)))
            .Where(l => l.line.Length > MaxLineLength)
            .Select(l => $"{Path.GetRelativePath(RepositoryPaths.Root, l.file)}:{l.number} ({l.line.Length})")
            .ToList();

        Assert.That(long_, Is.Empty);
    }

    [Test]
    public void Each_shipped_source_file_declares_one_top_level_type()
    {
        var crowded = SourceFiles("src")
            .Select(file => (file, types: TopLevelTypes(file)))
            .Where(f => f.types.Count > 1)
            .Select(f => $"{Path.GetRelativePath(RepositoryPaths.Root, f.file)}: {string.Join(", ", f.types)}")
            .ToList();

        Assert.That(crowded, Is.Empty);
    }

    // The lines outside raw string literals: a line with an odd number of """ opens or closes one.
    private static IEnumerable<(string line, int number)> CodeLines(string file)
    {
        var inRawString = false;
        var number = 0;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            var quotes = line.Split("\"\"\"").Length - 1;
            if (!inRawString || quotes % 2 == 1)
            {
                yield return (line, number);
            }

            inRawString ^= quotes % 2 == 1;
        }
    }

    private static List<string> TopLevelTypes(string file)
        => TopLevelType().Matches(File.ReadAllText(file)).Select(m => m.Groups["name"].Value).Distinct().ToList();

    private static IEnumerable<string> SourceFiles(params string[] folders)
        => folders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));

    // File-scoped namespaces put top-level types at column 0; nested types are indented.
    [GeneratedRegex(
        @"^(?:public|internal|file)(?:\s+(?:sealed|static|abstract|partial|readonly|ref))*\s+"
        + @"(?:class|record(?:\s+struct)?|struct|enum|interface|delegate\s+\S+)\s+(?<name>[A-Za-z0-9_]+)",
        RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}

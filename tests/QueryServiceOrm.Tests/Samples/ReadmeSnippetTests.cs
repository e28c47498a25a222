using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;
using QueryServiceOrm.Sandbox.Xdm;
using QueryServiceOrm.Scaffolding;

namespace QueryServiceOrm.Tests.Samples;

/// <summary>
/// Every C# block of README.md, of the packages' READMEs (src/*/README.md) and of the samples' READMEs compiles against the library and the
/// classes
/// <c>qsorm scaffold -n MyApp.Data -c XdmContext</c> writes for the sandbox's sample tables, as the README says.
/// </summary>
[NonParallelizable]
public sealed partial class ReadmeSnippetTests
{
    private sealed record Snippet(string File, int Line, string Code);

    // An ASP.NET Core project's implicit usings, and the namespaces the README names for the library and the model.
    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        global using Microsoft.EntityFrameworkCore;
        global using QueryServiceOrm.Credentials;
        global using QueryServiceOrm.Infrastructure;
        global using MyApp.Data;
        """;

    // What the snippets take as given: a context, a model builder, options being built, credentials, the web application
    // and its builder, the REST client, and events to write. A snippet's own local of the same name hides these.
    private const string Ambient = """
        namespace ReadmeSnippets;

        internal abstract class Ambient
        {
            protected XdmContext db = null!;
            protected ModelBuilder modelBuilder = null!;
            protected DbContextOptionsBuilder options = null!;
            protected QueryServiceCredentials credentials = null!;
            protected WebApplicationBuilder builder = null!;
            protected WebApplication app = null!;
            protected QueryServiceOrm.Rest.QueryServiceRestClient rest = null!;
            protected List<XdmEvents> events = [];

            protected async IAsyncEnumerable<XdmEvents> ReadEventsFromKafka()
            {
                await Task.Yield();
                yield break;
            }
        }
        """;

    [Test]
    public async Task Every_csharp_block_compiles_against_the_library_and_the_scaffolded_sample_classes()
    {
        var snippets = Snippets().ToList();
        var sandbox = await XdmData.SeedAsync();
        var sample = XdmSampleData.TablesFor(XdmSampleData.DefaultPrefix);
        var services = new ServiceCollection().AddEntityFrameworkNpgsql().BuildServiceProvider();
        var factory = new QueryServiceDatabaseModelFactory(services.GetRequiredService<IDiagnosticsLogger<DbLoggerCategory.Scaffolding>>());
        var reading = factory.ReadCatalog(
            sandbox.ConnectionString("readme-snippets"),
            new DatabaseModelFactoryOptions([sample.Events, sample.Profiles, sample.Flat], []));
        var scaffolded = QueryServiceScaffolder.Generate(reading, new QueryServiceScaffoldOptions("MyApp.Data", "XdmContext"));

        var trees = scaffolded.Select(f => Parse(f.Content, f.Path))
            .Append(Parse(GlobalUsings, "GlobalUsings.cs"))
            .Append(Parse(Ambient, "Ambient.cs"))
            .Concat(snippets.Select((s, i) => Parse(Wrap(s, i), $"{s.File}.{i}.cs")));
        var errors = Compile(trees).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(snippets.Count(s => s.File == "README.md"), Is.GreaterThanOrEqualTo(13), "the README's C# blocks were found");
            Assert.That(errors, Is.Empty, "every C# block compiles; the positions are README lines");
        });
    }

    // Fenced ```csharp blocks, with the line of their first code line.
    private static IEnumerable<Snippet> Snippets()
    {
        var root = RepositoryPaths.Root;
        var files = new[] { Path.Combine(root, "README.md") }
            .Concat(
                new[]
                {
                    "src", "migrations-samples"
                }.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "README.md", SearchOption.AllDirectories))
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                            && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            var name = Path.GetRelativePath(root, file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() != "```csharp")
                {
                    continue;
                }

                var start = i + 1;
                var end = Array.FindIndex(lines, start, l => l.Trim() == "```");
                Assert.That(end, Is.GreaterThan(0), $"{name}:{i + 1}: a C# block is not closed");
                yield return new Snippet(name, start + 1, string.Join('\n', lines[start..end]));
                i = end;
            }
        }
    }

    // A block with a namespace is a file as written; otherwise its types go in a namespace of their own, and its
    // statements in an async method of a class that has the ambient members. #line keeps every position a README line.
    private static string Wrap(Snippet snippet, int index)
    {
        var unit = CSharpSyntaxTree.ParseText(snippet.Code).GetCompilationUnitRoot();
        if (unit.Members.Any(m => m is BaseNamespaceDeclarationSyntax))
        {
            return At(snippet, 0) + snippet.Code + "\n";
        }

        var code = new System.Text.StringBuilder($"namespace ReadmeSnippets.Block{index}\n{{\n");
        foreach (var node in unit.Usings.Cast<SyntaxNode>().Concat(unit.Members.Where(m => m is not GlobalStatementSyntax)))
        {
            code.Append(At(snippet, node)).Append(node.ToString()).Append('\n');
        }

        code.Append("#line hidden\ninternal sealed class Snippet : global::ReadmeSnippets.Ambient\n{\npublic async Task RunAsync()\n{\n");
        foreach (var statement in unit.Members.OfType<GlobalStatementSyntax>())
        {
            code.Append(At(snippet, statement)).Append(statement.ToString()).Append('\n');
        }

        return code.Append("#line hidden\nawait Task.CompletedTask;\n}\n}\n}\n").ToString();
    }

    private static string At(Snippet snippet, SyntaxNode node) => At(snippet, node.GetLocation().GetLineSpan().StartLinePosition.Line);

    private static string At(Snippet snippet, int line) => $"#line {snippet.Line + line} \"{snippet.File}\"\n";

    private static SyntaxTree Parse(string code, string path) => CSharpSyntaxTree.ParseText(code, path: path);

    private static IEnumerable<Diagnostic> Compile(IEnumerable<SyntaxTree> trees)
    {
        var loaded = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
        var names = loaded.Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var references = loaded.Concat(AspNetCoreFramework().Where(p => !names.Contains(Path.GetFileName(p))))
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && IsManaged(p))
            .Select(p => MetadataReference.CreateFromFile(p));
        return CSharpCompilation.Create(
                "ReadmeSnippets",
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .GetDiagnostics();
    }

    // The ASP.NET Core shared framework beside the running .NET one (same major version, the newest installed).
    private static IEnumerable<string> AspNetCoreFramework()
    {
        var runtime = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        var major = runtime.Name.Split('.')[0] + ".";
        var aspNetCore = new DirectoryInfo(Path.Combine(runtime.Parent!.Parent!.FullName, "Microsoft.AspNetCore.App"));
        var version = aspNetCore.Exists
            ? aspNetCore.GetDirectories()
                .Where(d => d.Name.StartsWith(major, StringComparison.Ordinal))
                .MaxBy(d => Version.TryParse(d.Name.Split('-')[0], out var v) ? v : new Version())
            : null;
        Assert.That(
            version, Is.Not.Null, $"ASP.NET Core {major}x is not installed beside {runtime.FullName}: the README's web snippets need it");
        return Directory.EnumerateFiles(version!.FullName, "*.dll");
    }

    private static bool IsManaged(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
        return reader.HasMetadata;
    }
}

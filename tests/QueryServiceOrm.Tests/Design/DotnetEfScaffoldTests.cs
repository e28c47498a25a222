using QueryServiceOrm.Sandbox.Xdm;

namespace QueryServiceOrm.Tests.Design;

/// <summary>
/// The real <c>dotnet ef</c> (the repository's tool manifest, .config/dotnet-tools.json) as a process: an application that
/// references the library and Microsoft.EntityFrameworkCore.Design, as any provider's user does, scaffolds a context from the
/// sandbox's front, then queries it with LINQ without any edit to what was scaffolded. psql on the backend is the reference.
/// </summary>
[NonParallelizable]
public sealed class DotnetEfScaffoldTests
{
    private static readonly XdmSampleTables Sample = XdmSampleData.TablesFor(XdmSampleData.DefaultPrefix);

    [Test]
    public async Task A_context_scaffolded_from_the_sandbox_compiles_and_answers_LINQ_unchanged()
    {
        var sandbox = await XdmData.SeedAsync();
        using var app = new EfTrialApp();
        app.Write("Program.cs", "System.Console.WriteLine(\"not scaffolded yet\");\n");
        var environment = new Dictionary<string, string> { ["QS_CONNECTION"] = sandbox.ConnectionString() };
        var scaffold = await app.RunAsync(
            "dotnet build \"$APP\" --nologo -v q >/dev/null && ef dbcontext scaffold \"$QS_CONNECTION\" QueryServiceOrm "
            + "--project \"$APP\" -o Model --namespace EfTrial.Model --context XdmContext --table " + string.Join(
                " --table ", Sample.Events, Sample.Flat),
            environment);
        Assert.That(scaffold.Code, Is.Zero, scaffold.Output + scaffold.Errors);

        app.Write("Program.cs", """
            using EfTrial.Model;
            using Microsoft.EntityFrameworkCore;

            await using var db = new XdmContext();
            Console.WriteLine(await db.XdmEvents.CountAsync());
            Console.WriteLine(await db.XdmFlats.CountAsync(f => f.EventType == "commerce.purchases"));
            foreach (var id in await db.XdmEvents.OrderBy(e => e.Id).Select(e => e.Id).Take(3).ToListAsync())
            {
                Console.WriteLine(id);
            }

            Console.WriteLine(await db.XdmEvents.Where(e => e.Web != null).OrderBy(e => e.Id).Select(e => e.Web).FirstAsync());
            """);
        var run = await app.RunAsync("dotnet build \"$APP\" --nologo -v q 1>&2 && dotnet run --no-build --project \"$APP\"", environment);
        var expected = (await sandbox.PsqlAsync($"SELECT count(*) FROM {Sample.Events}"))
            .Concat(await sandbox.PsqlAsync($"""SELECT count(*) FROM {Sample.Flat} WHERE "eventType" = 'commerce.purchases'"""))
            .Concat(await sandbox.PsqlAsync($"SELECT _id FROM {Sample.Events} ORDER BY _id LIMIT 3"))
            .Concat(await sandbox.PsqlAsync($"SELECT to_json(web) FROM {Sample.Events} WHERE web IS NOT NULL ORDER BY _id LIMIT 1"))
            .Select(r => r[0]);
        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.Zero, run.Output + run.Errors);
            Assert.That(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(expected));
        });
    }

    [Test]
    public async Task An_unquoted_password_cut_at_a_semicolon_is_not_repeated_by_dotnet_ef()
    {
        const string Secret = "Kq7vT;Xw2z=Pm9";
        using var app = new EfTrialApp();
        app.Write("Program.cs", "System.Console.WriteLine(\"not scaffolded\");\n");
        var scaffold = await app.RunAsync(
            "dotnet build \"$APP\" --nologo -v q >/dev/null; ef dbcontext scaffold "
            + "\"Host=127.0.0.1;Port=1;Username=ORG@AdobeOrg;Password=$SECRET;SSL Mode=Require\" QueryServiceOrm --project \"$APP\" -o "
            + "Model",
            new Dictionary<string, string> { ["SECRET"] = Secret });
        var said = scaffold.Output + scaffold.Errors;
        Assert.Multiple(() =>
        {
            Assert.That(scaffold.Code, Is.Not.Zero);
            Assert.That(said, Does.Contain("after 'password'").IgnoreCase.And.Contain("double quotes"));
            Assert.That(
                Enumerable.Range(0, Secret.Length - 3)
                    .Select(i => Secret.Substring(i, 4))
                    .Where(f => said.Contains(f, StringComparison.OrdinalIgnoreCase)),
                Is.Empty,
                said);
        });
    }
}

using System.Net;
using QueryServiceOrm.Rest;

namespace QueryServiceOrm.Tests.Live;

// The /query-templates endpoints of a real sandbox: a template created, found in the list by its name, and deleted.
public sealed partial class LiveRestTests
{
    [Test]
    public async Task A_template_is_created_listed_by_name_and_deleted()
    {
        var name = "qsorm_live_template_" + Guid.NewGuid().ToString("N");
        var template = await _client.CreateTemplateAsync(name, "SELECT $n AS n", new Dictionary<string, string> { ["n"] = "1" });
        try
        {
            var page = await _client.ListTemplatesAsync(new QueryServiceTemplateListOptions { Properties = [$"name=={name}"] });
            await TestContext.Out.WriteLineAsync($"listed by name: {page.Templates.Count} template(s), _page {page.Page}");

            Assert.That(page.Templates.Select(t => t.Id), Does.Contain(template.Id));
        }
        finally
        {
            await _client.DeleteTemplateAsync(template.Id);
        }

        var gone = Assert.ThrowsAsync<QueryServiceRestException>(() => _client.GetTemplateAsync(template.Id))!;
        await TestContext.Out.WriteLineAsync($"a deleted template reads {(int)gone.StatusCode}: {gone.ServerMessage}");
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace QueryServiceOrm.Sandbox.Rest.Templates;

/// <summary>
/// The <c>/query-templates</c> endpoints: create, list, read, overwrite (<c>PUT</c>) and delete a template. A query runs one
/// with <c>POST /queries</c> and a <c>templateId</c>.
/// </summary>
internal static class TemplateEndpoints
{
    private const string Path = "/query-templates";

    private static readonly string[] Filterable = ["name", "userId"];

    public static void Map(IEndpointRouteBuilder api, QueryTemplates templates)
    {
        api.MapPost(Path, (HttpContext context, TemplateRequestBody? body)
            => Write(body, (name, sql, parameters) => Accepted(context, templates.Create(name, sql, parameters))));

        api.MapGet(Path, (HttpContext context) =>
        {
            var apiBaseUrl = RestEndpoints.ApiBaseUrl(context.Request);
            var (page, error) = RestListing.Page(
                templates.All, context.Request.Query, apiBaseUrl + Path, Field, Filterable, RestListing.Equality);
            return page is null
                ? RestJson.Message(400, error!)
                : Results.Json(
                    new TemplatePageBody([.. page.Items.Select(t => t.ToResource(apiBaseUrl))], page.Page, page.Links), RestJson.Options);
        });

        api.MapGet(Path + "/{id}", (HttpContext context, string id)
            => templates.Find(id) is { } template
                ? Results.Json(template.ToResource(RestEndpoints.ApiBaseUrl(context.Request)), RestJson.Options)
                : NotFound(id));

        api.MapPut(Path + "/{id}", (HttpContext context, string id, TemplateRequestBody? body)
            => Write(body, (name, sql, parameters)
                => templates.Replace(id, name, sql, parameters) is { } replaced ? Accepted(context, replaced) : NotFound(id)));

        api.MapDelete(Path + "/{id}", (string id) => templates.Delete(id) ? RestJson.Message(202, "Deleted") : NotFound(id));
    }

    // Both fields on PUT too: Adobe's PUT overwrites the whole template.
    private static IResult Write(TemplateRequestBody? body, Func<string, string, IReadOnlyDictionary<string, string>?, IResult> write)
    {
        if (body is null)
        {
            return RestJson.Message(
                400, "The body must be a JSON object with sql and name (and queryParameters, the defaults of its $name placeholders).");
        }

        if (string.IsNullOrWhiteSpace(body.Sql))
        {
            return RestJson.Message(400, "sql is required: the template's SQL, with $name placeholders for queryParameters.");
        }

        return string.IsNullOrWhiteSpace(body.Name)
            ? RestJson.Message(400, "name is required: the template's name.")
            : write(body.Name, body.Sql, body.QueryParameters);
    }

    private static IResult Accepted(HttpContext context, QueryTemplate template)
        => Results.Json(template.ToResource(RestEndpoints.ApiBaseUrl(context.Request)), RestJson.Options, statusCode: 202);

    private static IResult NotFound(string id)
        => RestJson.Message(404, $"Template {id} was not found in this sandbox; GET /query-templates lists them.");

    private static string? Field(QueryTemplate template, string name)
        => name switch
        {
            "name" => template.Name,
            "userId" => template.UserId,
            _ => null,
        };
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using QueryServiceOrm.Sandbox.Rest.Queries;
using QueryServiceOrm.Sandbox.Rest.Schedules;
using QueryServiceOrm.Sandbox.Rest.Templates;

namespace QueryServiceOrm.Sandbox.Rest;

/// <summary>
/// The one place the emulated API's endpoints are registered: the token endpoint at the root, every Query Service endpoint
/// group under <see cref="ApiBase"/> (behind the gateway's checks). A new group (schedules, templates, connection
/// parameters) adds its <c>Map</c> call here.
/// </summary>
internal static class RestEndpoints
{
    /// <summary>The API's base path, as on <c>platform.adobe.io</c>.</summary>
    public const string ApiBase = "/data/foundation/query";

    public static string ApiBaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{ApiBase}";

    public static void Map(WebApplication app, RestSettings settings, QueryJobs jobs)
    {
        ImsTokenEndpoint.Map(app, settings);
        var api = app.MapGroup(ApiBase);
        var templates = new QueryTemplates(settings.OrganizationId + "@AdobeOrg");
        QueryEndpoints.Map(api, jobs, settings, templates);
        TemplateEndpoints.Map(api, templates);
        ConnectionParametersEndpoint.Map(api, settings);
        ScheduleEndpoints.Map(api, jobs, settings, templates);
    }
}

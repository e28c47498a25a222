using System.Text.Json;
using System.Text.Json.Serialization;

namespace QueryServiceOrm.Rest;

/// <summary>The REST API's JSON (camelCase, nulls left out), generated at build time. Each endpoint group adds its types here.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(QueryServiceQueryRequest))]
[JsonSerializable(typeof(QueryServiceQuery))]
[JsonSerializable(typeof(QueryServiceQueryPage))]
[JsonSerializable(typeof(QueryServiceTemplate))]
[JsonSerializable(typeof(QueryServiceTemplatePage))]
[JsonSerializable(typeof(QueryServiceTemplateBody))]
[JsonSerializable(typeof(QueryServiceConnectionParameters))]
[JsonSerializable(typeof(QueryServiceRestClient.PatchOperation))]
[JsonSerializable(typeof(QueryServiceRestClient.ErrorBody))]
internal sealed partial class QueryServiceRestJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;

namespace QueryServiceOrm.Rest;

/// <summary>The JSON of the <c>/schedules</c> endpoints, with the conventions of <see cref="QueryServiceRestJsonContext"/>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(QueryServiceScheduleRequest))]
[JsonSerializable(typeof(QueryServiceSchedule))]
[JsonSerializable(typeof(QueryServiceSchedulePage))]
[JsonSerializable(typeof(QueryServiceScheduleRun))]
[JsonSerializable(typeof(QueryServiceScheduleRunPage))]
[JsonSerializable(typeof(QueryServiceRestClient.SchedulePatch))]
internal sealed partial class QueryServiceScheduleJsonContext : JsonSerializerContext;

using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace QueryServiceOrm.Rest;

/// <summary>
/// How the REST client rides out transient failures: a bounded exponential retry with jitter that honours Retry-After,
/// inside a total timeout, each attempt with its own. Reads and cancellations (idempotent) are retried on 429, 5xx, dropped
/// connections and attempt timeouts. A submission (POST) is retried only when the API provably did not take it: 429 and
/// 503 (the gateway turned it away), or a connection that never opened. A 500, 502 or 504, a connection dropped mid-request
/// or a timeout leave it unknown whether a job was created, so they are not retried: a job is never submitted twice.
/// </summary>
internal static class QueryServiceRestResilience
{
    public const string PipelineName = "QueryServiceOrm.Rest";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, QueryServiceRestOptions options)
    {
        // The whole: every attempt, and every wait between two at its longest.
        builder.AddTimeout(options.AttemptTimeout * (options.MaxRetries + 1) + options.MaxRetryDelay * options.MaxRetries);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.GetRequestMessage()?.Method)),
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
    }

    /// <summary>Whether an attempt's outcome may be retried for a request of this method.</summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome, HttpMethod? method)
    {
        var repeatable = method != HttpMethod.Post;
        return outcome switch
        {
            { Result: { } response } => response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
                                        || (repeatable
                                            && (int)response.StatusCode >= 500
                                            && response.StatusCode != HttpStatusCode.NotImplemented),
            {
                Exception: HttpRequestException
                {
                    HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError,
                },
            } => true,
            { Exception: HttpRequestException or TimeoutRejectedException } => repeatable,
            _ => false,
        };
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace OrderSilo.Api.Common;

/// <summary>Settings of the API host's retries and shutdown (section <c>Api</c>; docs/configuration.md).</summary>
public sealed class ApiHostOptions
{
    /// <summary>How long a request may keep retrying a cluster call that failed because a silo went away.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClusterRetryBudget { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the host waits for a grain call's answer. A call whose silo stopped while it was in flight has its
    /// answer lost; after this long it fails and is retried. Longer than the payment gateway's timeout.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan GrainCallTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a stopping API host lets requests in flight finish.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Retries a request whose cluster call failed transiently (its silo left or died, a gateway closed, the call
/// timed out) until it succeeds or the budget runs out; then the exception handler answers 503 with Retry-After.
/// Put only on endpoints whose every grain call is safe to repeat: placing by poNumber (exactly once), reads,
/// accepting a quote (accepting again the same way replays), recording a payment (once per reference), patches
/// and archiving (setting the same values again changes nothing), the operator's puts. Not on creating accounts,
/// companies or clients, approving or cancelling: a retry there could report a refusal for work that was done.
/// </summary>
public sealed partial class ClusterRetryFilter(IOptions<ApiHostOptions> options, TimeProvider clock, ILogger<ClusterRetryFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var deadline = clock.GetUtcNow() + options.Value.ClusterRetryBudget;
        var delay = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await next(context);
            }
            catch (Exception error) when (ApiExceptionHandler.IsTransient(error)
                && !context.HttpContext.RequestAborted.IsCancellationRequested
                && clock.GetUtcNow() + delay < deadline)
            {
                LogRetry(logger, error, attempt);
                await Task.Delay(delay, clock, context.HttpContext.RequestAborted);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrying the request after a transient cluster failure, attempt {Attempt}")]
    private static partial void LogRetry(ILogger logger, Exception error, int attempt);
}

public static class ClusterRetryExtensions
{
    /// <summary>Retries the endpoint on transient cluster failures (see <see cref="ClusterRetryFilter"/>).</summary>
    public static TBuilder RetriesOnClusterFailure<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, ClusterRetryFilter>();
}

using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using OrderSilo.Api.Auth;

namespace OrderSilo.Api.Common;

/// <summary>
/// Per-client rate limits (section <c>RateLimits</c>): a token bucket per API client (per remote address before a
/// client is known). Each API host counts on its own, so N hosts behind a balancer allow up to N times the rate.
/// </summary>
public sealed class RateLimits
{
    [Range(1, 1_000_000)] public int PermitsPerSecond { get; set; } = 5000;
    [Range(1, 1_000_000)] public int Burst { get; set; } = 10_000;

    public static IServiceCollection AddOrderSiloRateLimits(IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("RateLimits").Get<RateLimits>() ?? new RateLimits();
        Validator.ValidateObject(limits, new ValidationContext(limits), validateAllProperties: true);
        return services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                RateLimitPartition.GetTokenBucketLimiter(
                    http.User.FindFirst(TokenClaims.Subject)?.Value ?? "ip:" + http.Connection.RemoteIpAddress,
                    _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limits.Burst,
                        TokensPerPeriod = limits.PermitsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            options.OnRejected = async (context, cancellation) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await ApiProblems.Create(ApiProblems.RateLimited, $"Too many requests from this client; retry after {retryAfter} s.").ExecuteAsync(context.HttpContext);
            };
        });
    }
}

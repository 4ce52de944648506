using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OrderSilo.Api.Auth;
using OrderSilo.Api.Orders;
using OrderSilo.Hosting;

namespace OrderSilo.Api.Observability;

/// <summary>
/// The API host's telemetry: the shared meters plus ASP.NET Core's, readable at <c>GET /metrics</c> in Prometheus
/// text format (the operator's scope unless <c>Metrics__AllowAnonymous</c>), and over OTLP when configured.
/// </summary>
public static class ApiTelemetry
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddApiTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PlacementTelemetry>();
        var telemetry = services.AddOrderSiloTelemetry(configuration, "ordersilo-api")
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddPrometheusExporter(Fresh));
        if (TelemetrySetup.TracesEnabled(configuration))
        {
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation(options =>
            {
                options.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath) && !http.Request.Path.StartsWithSegments("/health");
                options.EnrichWithHttpRequest = (activity, request) => activity.SetTag("url.path", Pay.PayPageEndpoints.Loggable(request.Path));
            }));
        }
        return services;
    }

    /// <summary>Every scrape collects anew (the exporter would otherwise answer a copy up to 300 ms old).</summary>
    private static void Fresh(PrometheusAspNetCoreOptions options) => options.ScrapeResponseCacheDurationMilliseconds = 0;

    /// <summary>Not in the OpenAPI document: it is not part of the HTTP contract, and answers text, not JSON.</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder routes, bool allowAnonymous)
    {
        var endpoint = routes.MapPrometheusScrapingEndpoint(MetricsPath);
        if (allowAnonymous)
            endpoint.AllowAnonymous();
        else
            endpoint.RequireAuthorization(AuthSetup.AdminPolicy);
        return routes;
    }
}

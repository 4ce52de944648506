using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OrderSilo.Hosting;

/// <summary>
/// OpenTelemetry as both hosts configure it (docs/configuration.md, "Telemetry"): metrics always (each host adds
/// its Prometheus endpoint), and over OTLP with traces too when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
internal static class TelemetrySetup
{
    /// <summary>OrderSilo's own meter: orders placed, replayed and rejected, and placement latency.</summary>
    public const string MeterName = "OrderSilo";

    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Ours, Orleans' (grain calls, storage, messaging), Npgsql's (pool use, commands) and the runtime's.</summary>
    private static readonly string[] Meters = [MeterName, "Microsoft.Orleans", "Npgsql", "System.Runtime"];

    private static readonly string[] TraceSources =
        ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Microsoft.Orleans.Storage", "Npgsql"];

    public static OpenTelemetryBuilder AddOrderSiloTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var otlp = TracesEnabled(configuration);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : serviceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters);
                // The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL and _HEADERS, and OTEL_METRIC_EXPORT_INTERVAL.
                if (otlp)
                    metrics.AddOtlpExporter();
            });
        // Spans cost on every request and grain call: recorded only when there is somewhere to send them.
        if (otlp)
            telemetry.WithTracing(tracing => tracing.AddSource(TraceSources).AddOtlpExporter());
        return telemetry;
    }

    /// <summary>OTLP export, and with it tracing, is on when a collector is named.</summary>
    public static bool TracesEnabled(IConfiguration configuration) => configuration[OtlpEndpointKey] is { Length: > 0 };
}

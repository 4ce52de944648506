using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderSilo.Api.Bootstrap;
using OrderSilo.Contracts.Operations;

namespace OrderSilo.Api.Health;

/// <summary>Ready when a silo answers, the database answers that silo, and start-up provisioning finished.</summary>
public sealed class ClusterHealthCheck(IClusterClient cluster, BootstrapState bootstrap) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await cluster.GetGrain<IHealthGrain>(0).CheckDatabase().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return HealthCheckResult.Unhealthy("The cluster or the database does not answer.", error);
        }
        return bootstrap.Completed
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Provisioning the operator client and the demo tenant has not finished.");
    }
}

using OrderSilo.Grains.Infrastructure;
using Orleans.TestingHost;

namespace OrderSilo.Grains.Tests.Cluster;

/// <summary>Makes every test silo a real OrderSilo silo: clustering, storage and reminders on the test's database.</summary>
public sealed class PostgresSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) =>
        siloBuilder.UseOrderSiloPostgres(TestClusters.ConnectionString(siloBuilder.Configuration));
}

using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace OrderSilo.Grains.Tests.Cluster;

/// <summary>The test client finds the silos' gateways the way the API host does: in the membership table.</summary>
public sealed class PostgresClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.UseAdoNetClustering(options =>
        {
            options.Invariant = Infrastructure.SiloBuilderExtensions.Invariant;
            options.ConnectionString = TestClusters.ConnectionString(configuration);
        });
}

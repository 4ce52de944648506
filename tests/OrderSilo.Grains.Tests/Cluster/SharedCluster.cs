namespace OrderSilo.Grains.Tests.Cluster;

/// <summary>The tests that share <see cref="ClusterFixture"/>; they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SharedCluster : ICollectionFixture<ClusterFixture>
{
    public const string Name = "shared cluster";
}

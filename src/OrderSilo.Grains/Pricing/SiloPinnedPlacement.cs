namespace OrderSilo.Grains.Pricing;

/// <summary>
/// Places a grain keyed by a silo's address (<see cref="SiloAddress.ToParsableString"/>) on that silo, or on any silo
/// when that one is gone: a way to address every silo of the cluster.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrderSilo.SiloPinnedPlacement")]
public sealed class SiloPinnedPlacement : PlacementStrategy
{
    public static readonly SiloPinnedPlacement Instance = new();
}

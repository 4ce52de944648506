using Orleans.Runtime.Placement;

namespace OrderSilo.Grains.Pricing;

internal sealed class SiloPinnedPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        var key = target.GrainIdentity.Key.ToString();
        var pinned = silos.FirstOrDefault(silo => silo.ToParsableString() == key);
        return Task.FromResult(pinned ?? silos[Random.Shared.Next(silos.Length)]);
    }
}

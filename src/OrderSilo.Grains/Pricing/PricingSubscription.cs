namespace OrderSilo.Grains.Pricing;

/// <summary>What a subscriber learns when it (re)subscribes: which activation of the hub, and its last change.</summary>
/// <param name="Epoch">Made anew by each activation of the hub: a new epoch means changes may have been missed.</param>
/// <param name="Version">The number of the hub's last change; a subscriber that saw fewer missed some.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.PricingSubscription")]
public sealed record PricingSubscription([property: Id(0)] Guid Epoch, [property: Id(1)] long Version);

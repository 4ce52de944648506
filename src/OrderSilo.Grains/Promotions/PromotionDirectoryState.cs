using System.Collections.Immutable;

namespace OrderSilo.Grains.Promotions;

/// <summary>Stored as <c>{"instant": [code, …]}</c>; not projected.</summary>
public sealed record PromotionDirectoryState
{
    public ImmutableSortedSet<string> Instant { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
}

using System.Collections.Immutable;

namespace OrderSilo.Grains.Promotions;

/// <summary>The codes of the instant-discount promotions (key 0), which every priced cart is checked against.</summary>
[Alias("OrderSilo.IPromotionDirectoryGrain")]
public interface IPromotionDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Lists or unlists a promotion as instant; writes only when that changes.</summary>
    [Alias("SetInstant")]
    Task SetInstant(string promotionCode, bool instant);

    [Alias("InstantCodes")]
    Task<ImmutableArray<string>> InstantCodes();
}

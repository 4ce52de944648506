namespace OrderSilo.Grains.Promotions;

/// <summary>
/// A coupon code's entry in the directory of codes (key <c>coupon_{CODE}</c>): which promotion holds it. Codes are
/// unique across promotions, so a code typed at checkout finds its promotion in one call.
/// </summary>
[Alias("OrderSilo.ICouponGrain")]
public interface ICouponGrain : IGrainWithStringKey
{
    /// <summary>Gives the code to the promotion; false when another promotion holds it.</summary>
    [Alias("Claim")]
    Task<bool> Claim(string promotionCode);

    /// <summary>Frees the code if this promotion holds it.</summary>
    [Alias("Release")]
    Task Release(string promotionCode);

    /// <summary>The promotion holding the code, or null.</summary>
    [Alias("PromotionCode")]
    Task<string?> PromotionCode();
}

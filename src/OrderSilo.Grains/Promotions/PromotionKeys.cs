namespace OrderSilo.Grains.Promotions;

/// <summary>Grain keys of the promotion family.</summary>
public static class PromotionKeys
{
    /// <summary>The promotion grain of a promotion code.</summary>
    public static string Of(string promotionCode) => "promo_" + promotionCode;

    /// <summary>The directory entry of a (normalised) coupon code.</summary>
    public static string OfCoupon(string couponCode) => "coupon_" + couponCode;
}

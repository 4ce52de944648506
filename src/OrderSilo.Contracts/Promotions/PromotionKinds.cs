namespace OrderSilo.Contracts.Promotions;

/// <summary>The fixed words of promotions (API.md "Promotions", seed 004).</summary>
public static class PromotionKinds
{
    /// <summary>A line discount on each unit of the promotion's products.</summary>
    public const string Regular = "REGULAR";
    /// <summary>A quantity discount: a line discount once the order holds enough of the promotion's products.</summary>
    public const string Order = "ORDER";
    /// <summary>An order discount, shared out over the order's lines.</summary>
    public const string Global = "GLOBAL";

    /// <summary>A percentage of the price.</summary>
    public const string Percent = "PERCENT";
    /// <summary>An amount per currency.</summary>
    public const string Fixed = "FIXED";

    /// <summary>One coupon code that every buyer may use.</summary>
    public const string SingleCoupon = "SINGLE";
    /// <summary>Unique coupon codes, each usable by one order.</summary>
    public const string MultipleCoupons = "MULTIPLE";

    /// <summary>Every promotion type.</summary>
    public static readonly IReadOnlyList<string> Types = [Regular, Order, Global];
}

namespace OrderSilo.Grains.Promotions;

/// <summary>An order's use of a promotion: the coupon it came with, and whether the order is known to be written.</summary>
public sealed record PromotionUse(string? Coupon, bool Confirmed);

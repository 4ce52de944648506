namespace OrderSilo.Contracts.Promotions;

/// <summary>What a coupon code offers: its promotion, and the coupon as the promotion holds it.</summary>
/// <param name="Promotion">The promotion the coupon belongs to.</param>
/// <param name="Coupon">The coupon.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.CouponOffer")]
public sealed record CouponOffer([property: Id(0)] Promotion Promotion, [property: Id(1)] Coupon Coupon);

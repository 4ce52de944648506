namespace OrderSilo.Grains.Promotions;

/// <summary>Stored as <c>{"promotionCode": code | null}</c>; not projected.</summary>
public sealed record CouponState
{
    public string? PromotionCode { get; init; }
}

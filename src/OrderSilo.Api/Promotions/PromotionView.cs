using OrderSilo.Contracts.Promotions;

namespace OrderSilo.Api.Promotions;

/// <summary>A promotion as the operator sees it: its definition, discount, uses and coupons.</summary>
public sealed record PromotionView(
    string Code,
    string Name,
    string? Description,
    string Type,
    DateTimeOffset? StartDate,
    DateTimeOffset? EndDate,
    int? MaximumOrdersNumber,
    int? MaximumQuantity,
    int? MinimumQuantity,
    bool InstantDiscount,
    bool Enabled,
    IReadOnlyList<string> ProductIds,
    PromotionDiscount? Discount,
    int? OrdersUsed,
    bool UsedUp,
    IReadOnlyList<Coupon> Coupons,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static PromotionView Of(Promotion p, IReadOnlyList<Coupon> coupons) => new(
        p.Code, p.Name, p.Description, p.Type, p.StartDate, p.EndDate, p.MaximumOrdersNumber, p.MaximumQuantity, p.MinimumQuantity,
        p.InstantDiscount, p.Enabled, p.ProductIds, p.Discount, p.OrdersUsed, p.UsedUp, coupons, p.CreatedAt, p.UpdatedAt);
}

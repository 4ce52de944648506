using System.Collections.Immutable;
using OrderSilo.Contracts.Promotions;

namespace OrderSilo.Grains.Promotions;

/// <summary>
/// Stored as <c>{"promotion": {Promotion of API.md} | null, "coupons": {CODE: type}, "uses": {orderId: use},
/// "usedCoupons": {CODE: orderId}}</c>; not projected. <c>uses</c> holds the orders holding a use of a capped
/// promotion or of a MULTIPLE coupon, so it is bounded by the cap and the number of coupons the operator made.
/// </summary>
public sealed record PromotionState
{
    public Promotion? Promotion { get; init; }
    public ImmutableSortedDictionary<string, string> Coupons { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);
    public ImmutableSortedDictionary<string, PromotionUse> Uses { get; init; } = ImmutableSortedDictionary.Create<string, PromotionUse>(StringComparer.Ordinal);
    public ImmutableSortedDictionary<string, string> UsedCoupons { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);
}

using System.Collections.Immutable;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Contracts.Promotions;

/// <summary>
/// One promotion, keyed <c>promo_{code}</c>: its definition, its coupons, and the uses orders hold of it. A use is
/// kept only where it must be counted (a capped promotion, a MULTIPLE coupon); it is reserved before the order is
/// written, confirmed after, and released when the order is refused, cancelled or expires.
/// </summary>
[Alias("OrderSilo.IPromotionGrain")]
public interface IPromotionGrain : IGrainWithStringKey
{
    /// <summary>Creates the promotion; <c>conflict</c> when one with its code exists, <c>validation_failed</c> naming a bad field.</summary>
    [Alias("Create")]
    Task<Outcome<Promotion>> Create(Promotion promotion);

    /// <summary>Replaces the definition's fields (not its discount, coupons or uses).</summary>
    [Alias("Update")]
    Task<Outcome<Promotion>> Update(Promotion promotion);

    /// <summary>The promotion, or null.</summary>
    [Alias("Get")]
    Task<Promotion?> Get();

    /// <summary>Its coupons, by code.</summary>
    [Alias("GetCoupons")]
    Task<ImmutableArray<Coupon>> GetCoupons();

    /// <summary>Sets what the promotion takes off.</summary>
    [Alias("SetDiscount")]
    Task<Outcome<Promotion>> SetDiscount(PromotionDiscount discount);

    /// <summary>Adds coupons of one type; <c>conflict</c> naming a code another promotion holds.</summary>
    [Alias("AddCoupons")]
    Task<Outcome<ImmutableArray<Coupon>>> AddCoupons(string type, ImmutableArray<string> codes);

    /// <summary>Deletes coupons of one type; a used MULTIPLE coupon stays used by its order.</summary>
    [Alias("RemoveCoupons")]
    Task<Outcome<ImmutableArray<Coupon>>> RemoveCoupons(string type, ImmutableArray<string> codes);

    /// <summary>The promotion and the coupon as it holds it, or null when the code is not one of its coupons.</summary>
    [Alias("Offer")]
    Task<CouponOffer?> Offer(string couponCode);

    /// <summary>
    /// Reserves a use for an order, once per order id: <c>promotion_unavailable</c> when the promotion cannot be had
    /// now (disabled, not started, expired, used up, or its MULTIPLE coupon is taken). True when this call made the
    /// reservation (false: the promotion counts no uses, or the order held one already).
    /// </summary>
    [Alias("ReserveUse")]
    Task<Outcome<bool>> ReserveUse(string orderId, string? couponCode);

    /// <summary>The order holding a reservation is written: the use is final.</summary>
    [Alias("ConfirmUse")]
    Task ConfirmUse(string orderId);

    /// <summary>
    /// The order gives its use back (refused before it was written, cancelled, or expired): the count goes down
    /// and a MULTIPLE coupon it held can be used again. Harmless when the order holds no use.
    /// </summary>
    [Alias("ReleaseUse")]
    Task ReleaseUse(string orderId);
}

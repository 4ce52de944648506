using System.Collections.Immutable;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Contracts.Promotions;
using OrderSilo.Grains.Orders;

namespace OrderSilo.Grains.Promotions;

/// <summary>
/// The uses an order holds of its promotions, reserved the way credit is: before the order is written (idempotent by
/// order id), confirmed after, released when the order is refused, cancelled or expires.
/// </summary>
public static class PromotionHolds
{
    /// <summary>The cart as it will be written, and the promotions whose use this call reserved.</summary>
    public sealed record Held(PricedOrder Priced, ImmutableArray<string> Reserved);

    /// <summary>
    /// Reserves a use of every promotion the cart applies. A coupon's promotion that cannot be had any more refuses
    /// the order (<c>promotion_unavailable</c>); an instant one is dropped and the cart priced again without it, so
    /// the order is placed at the price it can have (this is how a capped instant promotion stops at its cap).
    /// </summary>
    internal static async Task<Outcome<Held>> ReserveAsync(IGrainFactory grains, OrderPlacement placement, PricedOrder priced)
    {
        var reserved = new List<string>();
        var excluded = ImmutableArray<string>.Empty;
        while (true)
        {
            string? exhausted = null;
            foreach (var applied in priced.Promotions)
            {
                var use = await Promotion(grains, applied.Code).ReserveUse(placement.OrderId, applied.CouponCode);
                if (use.Failed && applied.CouponCode is { } coupon)
                {
                    await ReleaseAsync(grains, placement.OrderId, reserved);
                    return Outcome<Held>.Fail(CouponRefused(placement.Command, coupon, use.Error!));
                }
                if (use.Failed)
                {
                    exhausted = applied.Code;
                    break;
                }
                if (use.Value)
                    reserved.Add(applied.Code);
            }
            if (exhausted is null)
            {
                // Priced again, the cart may apply other promotions than a first attempt reserved: those go back.
                var kept = reserved.Where(code => priced.Promotions.Any(p => p.Code == code)).ToList();
                await ReleaseAsync(grains, placement.OrderId, reserved.Except(kept));
                return Outcome<Held>.Ok(new Held(priced, [.. kept]));
            }
            excluded = excluded.Add(exhausted);
            var repriced = await PlacementPricer.PriceAsync(grains, placement.AccountId, placement.Command, excluded, checksCredit: false);
            if (repriced.Failed)
            {
                await ReleaseAsync(grains, placement.OrderId, reserved);
                return Outcome<Held>.Fail(repriced.Error!);
            }
            priced = repriced.Value!;
        }
    }

    /// <summary>The order is written: the uses this call reserved are final.</summary>
    internal static Task ConfirmAsync(IGrainFactory grains, string orderId, Held held) =>
        Task.WhenAll(held.Reserved.Select(code => Promotion(grains, code).ConfirmUse(orderId)));

    /// <summary>Gives back the uses of <paramref name="promotionCodes"/> that the order holds (harmless for the others).</summary>
    public static Task ReleaseAsync(IGrainFactory grains, string orderId, IEnumerable<string> promotionCodes) =>
        Task.WhenAll(promotionCodes.Distinct().Select(code => Promotion(grains, code).ReleaseUse(orderId)));

    /// <summary>
    /// A cancelled or expired order gives its promotions' uses back (a capped promotion can be used again, a
    /// MULTIPLE coupon is free again). Idempotent: call it on every cancellation or expiry.
    /// </summary>
    public static Task ReleaseAsync(IGrainFactory grains, Order order) =>
        ReleaseAsync(grains, order.OrderId, order.Promotions.Select(p => p.Code));

    private static IPromotionGrain Promotion(IGrainFactory grains, string code) => grains.GetGrain<IPromotionGrain>(PromotionKeys.Of(code));

    private static DomainError CouponRefused(PlaceOrder command, string coupon, DomainError error)
    {
        var index = command.CouponCodes.IndexOf(command.CouponCodes.FirstOrDefault(c => CouponCodes.Normalize(c) == coupon) ?? coupon);
        return new DomainError(ErrorCodes.PromotionUnavailable, $"Coupon '{coupon}' cannot be used: {error.Detail}",
            index >= 0 ? $"couponCodes[{index}]" : "couponCodes");
    }
}

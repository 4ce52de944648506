using System.Collections.Immutable;
using System.Globalization;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Promotions;

namespace OrderSilo.Grains.Promotions;

/// <summary>What a promotion is, when it can be had, and how its uses are counted (docs/pricing.md, "Promotions").</summary>
public static class PromotionRules
{
    public const int MaxProducts = 1000;
    public const int MaxCouponsPerCall = 1000;

    /// <summary>The outcome of a reservation: the new state, and whether this call made the reservation.</summary>
    public sealed record Reservation(PromotionState State, bool Created);

    /// <summary>Why <paramref name="promotion"/> cannot be used at <paramref name="now"/> in any order, or null.</summary>
    public static string? Unavailable(Promotion promotion, DateTimeOffset now) => promotion switch
    {
        { Enabled: false } => "is disabled",
        { Discount: null } => "has no discount set",
        { StartDate: { } start } when now < start => string.Create(CultureInfo.InvariantCulture, $"has not started (it starts at {start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ})"),
        { EndDate: { } end } when now >= end => string.Create(CultureInfo.InvariantCulture, $"has expired (it ended at {end.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ})"),
        { UsedUp: true } => "is used up",
        _ => null,
    };

    /// <summary>True when the promotion has a price in <paramref name="currency"/>: any percentage, or a fixed amount it names.</summary>
    public static bool OffersIn(Promotion promotion, string currency) =>
        promotion.Discount is { } discount && (discount.Type == PromotionKinds.Percent || discount.AmountIn(currency) is not null);

    /// <summary>True when the promotion covers the product (a promotion naming no products covers all).</summary>
    public static bool AppliesTo(Promotion promotion, string productId) =>
        promotion.ProductIds.IsDefaultOrEmpty || promotion.ProductIds.Contains(productId);

    /// <summary>Why a coupon offer cannot be used in an order in <paramref name="currency"/> at <paramref name="now"/>, or null.</summary>
    public static string? CouponRefusal(CouponOffer offer, string currency, DateTimeOffset now)
    {
        if (offer.Coupon.Used)
            return "is used up (each of its codes can be used once)";
        if (Unavailable(offer.Promotion, now) is { } reason)
            return reason;
        return OffersIn(offer.Promotion, currency)
            ? null
            : $"is the wrong currency: its promotion has no discount in {currency}";
    }

    /// <summary>Why a definition cannot be a promotion, as (field, message), or null.</summary>
    public static (string Field, string Message)? Problem(Promotion promotion)
    {
        if (!CouponCodes.IsWellFormed(promotion.Code))
            return ("code", "1 to 64 letters, digits, '-' and '_'.");
        if (string.IsNullOrWhiteSpace(promotion.Name) || promotion.Name.Length > 200)
            return ("name", "Required, at most 200 characters.");
        if (promotion.Description is { Length: > 2000 })
            return ("description", "At most 2000 characters.");
        if (!PromotionKinds.Types.Contains(promotion.Type))
            return ("type", $"One of: {string.Join(", ", PromotionKinds.Types)}.");
        if (promotion is { StartDate: { } start, EndDate: { } end } && end <= start)
            return ("endDate", "After startDate.");
        if (promotion.MaximumOrdersNumber is < 1)
            return ("maximumOrdersNumber", "At least 1, or null for any number of orders.");
        if (promotion.MaximumQuantity is { } quantity && (quantity < 1 || promotion.Type == PromotionKinds.Global))
            return ("maximumQuantity", "At least 1, and only for REGULAR and ORDER promotions (a GLOBAL one discounts the order).");
        if (promotion.MinimumQuantity is { } minimum && (minimum < 1 || promotion.Type != PromotionKinds.Order))
            return ("minimumQuantity", "At least 1, and only for ORDER promotions.");
        var products = promotion.ProductIds.IsDefault ? [] : promotion.ProductIds;
        if (products.Length > MaxProducts)
            return ("productIds", $"At most {MaxProducts} products.");
        for (var i = 0; i < products.Length; i++)
        {
            if (!Ids.IsValid(products[i], "prd_"))
                return ($"productIds[{i}]", "A product id, prd_….");
            if (products.IndexOf(products[i]) != i)
                return ($"productIds[{i}]", $"'{products[i]}' is listed twice.");
        }
        return promotion.Discount is { } discount && Problem(discount) is { } wrong ? ("discount." + wrong.Field, wrong.Message) : null;
    }

    /// <summary>Why a discount cannot be a promotion's, as (field, message), or null.</summary>
    public static (string Field, string Message)? Problem(PromotionDiscount discount)
    {
        if (discount.Type == PromotionKinds.Percent)
        {
            return discount.Value is not { } value || value < 0 || value > 100 || decimal.Round(value, 4) != value
                ? ("value", "A percent from 0 to 100 with at most 4 decimals.")
                : discount.Values.IsDefaultOrEmpty ? null : ("values", "Only for FIXED discounts.");
        }
        if (discount.Type != PromotionKinds.Fixed)
            return ("type", $"{PromotionKinds.Percent} or {PromotionKinds.Fixed}.");
        if (discount.Value is not null)
            return ("value", "Only for PERCENT discounts; FIXED ones give values.");
        var values = discount.Values.IsDefault ? [] : discount.Values;
        if (values.Length is 0 or > 100)
            return ("values", "1 to 100 amounts, one per currency.");
        for (var i = 0; i < values.Length; i++)
        {
            var (currency, amount) = (values[i].Currency, values[i].Amount);
            if (!Currencies.IsSupported(currency))
                return ($"values[{i}].currency", "A supported ISO 4217 code (upper case).");
            if (values.Take(i).Any(v => v.Currency == currency))
                return ($"values[{i}].currency", $"{currency} is listed twice.");
            if (amount <= 0 || !Currencies.IsExact(amount, currency))
                return ($"values[{i}].amount", $"A positive amount in whole minor units of {currency}.");
        }
        return discount.DefaultCurrency is { } fallback && values.Any(v => v.Currency == fallback)
            ? null
            : ("defaultCurrency", "One of the currencies of values.");
    }

    /// <summary>The discount with each amount at its currency's scale.</summary>
    public static PromotionDiscount Normalize(PromotionDiscount discount) => discount with
    {
        Values = discount.Values.IsDefault ? [] : [.. discount.Values.Select(v => v with { Amount = Currencies.Round(v.Amount, v.Currency) })],
    };

    /// <summary>Why coupon codes cannot be added or deleted, as (field, message), or null. Codes are normalised first.</summary>
    public static (string Field, string Message)? CouponProblem(string type, IReadOnlyList<string> codes)
    {
        if (type is not (PromotionKinds.SingleCoupon or PromotionKinds.MultipleCoupons))
            return ("type", $"{PromotionKinds.SingleCoupon} or {PromotionKinds.MultipleCoupons}.");
        if (type == PromotionKinds.SingleCoupon && codes.Count != 1)
            return ("code", "One coupon code.");
        if (codes.Count is 0 or > MaxCouponsPerCall)
            return ("codes", $"1 to {MaxCouponsPerCall} coupon codes.");
        var field = type == PromotionKinds.SingleCoupon ? "code" : "codes";
        for (var i = 0; i < codes.Count; i++)
        {
            var at = type == PromotionKinds.SingleCoupon ? field : $"{field}[{i}]";
            if (!CouponCodes.IsWellFormed(codes[i]))
                return (at, "1 to 64 letters, digits, '-' and '_'.");
            if (codes.Take(i).Contains(codes[i]))
                return (at, $"'{codes[i]}' is listed twice.");
        }
        return null;
    }

    /// <summary>
    /// Reserves a use for an order, once per order id. Only what must be counted is recorded: a use of a capped
    /// promotion, or of a MULTIPLE coupon; anything else is available without a record.
    /// </summary>
    public static Outcome<Reservation> Reserve(PromotionState state, string orderId, string? couponCode, DateTimeOffset now)
    {
        if (state.Promotion is not { } promotion)
            return Outcome<Reservation>.Fail(ErrorCodes.PromotionUnavailable, "There is no such promotion.");
        if (state.Uses.ContainsKey(orderId))
            return Outcome<Reservation>.Ok(new Reservation(state, Created: false));
        var couponType = couponCode is null ? null : state.Coupons.GetValueOrDefault(couponCode);
        var reason = Unavailable(promotion, now);
        if (reason is null && couponCode is not null)
        {
            reason = couponType is null ? $"has no coupon '{couponCode}' any more"
                : couponType == PromotionKinds.MultipleCoupons && state.UsedCoupons.ContainsKey(couponCode) ? "is used up (each of its codes can be used once)"
                : null;
        }
        if (reason is not null)
            return Outcome<Reservation>.Fail(ErrorCodes.PromotionUnavailable, $"Promotion '{promotion.Code}' {reason}.");
        var unique = couponType == PromotionKinds.MultipleCoupons;
        if (promotion.MaximumOrdersNumber is null && !unique)
            return Outcome<Reservation>.Ok(new Reservation(state, Created: false));
        var next = state with
        {
            Uses = state.Uses.Add(orderId, new PromotionUse(couponCode, Confirmed: false)),
            UsedCoupons = unique ? state.UsedCoupons.Add(couponCode!, orderId) : state.UsedCoupons,
        };
        return Outcome<Reservation>.Ok(new Reservation(Counted(next), Created: true));
    }

    /// <summary>The order was written: its use is final (it stays recorded, so a cancellation can give it back).</summary>
    public static PromotionState Confirm(PromotionState state, string orderId) =>
        state.Uses.TryGetValue(orderId, out var use) && !use.Confirmed
            ? state with { Uses = state.Uses.SetItem(orderId, use with { Confirmed = true }) }
            : state;

    /// <summary>The order gives its use back; a MULTIPLE coupon it held is free again.</summary>
    public static PromotionState Release(PromotionState state, string orderId)
    {
        if (!state.Uses.TryGetValue(orderId, out var use))
            return state;
        var coupons = use.Coupon is { } code && state.UsedCoupons.GetValueOrDefault(code) == orderId
            ? state.UsedCoupons.Remove(code)
            : state.UsedCoupons;
        return Counted(state with { Uses = state.Uses.Remove(orderId), UsedCoupons = coupons });
    }

    /// <summary>The state with the promotion's <c>ordersUsed</c> shown: the uses held, when it is capped.</summary>
    public static PromotionState Counted(PromotionState state) => state.Promotion is { } promotion
        ? state with { Promotion = promotion with { OrdersUsed = promotion.MaximumOrdersNumber is null ? null : state.Uses.Count } }
        : state;

    /// <summary>The coupons as clients see them.</summary>
    public static ImmutableArray<Coupon> Coupons(PromotionState state) =>
        [.. state.Coupons.Select(c => new Coupon(c.Key, c.Value, c.Value == PromotionKinds.MultipleCoupons && state.UsedCoupons.ContainsKey(c.Key)))];
}

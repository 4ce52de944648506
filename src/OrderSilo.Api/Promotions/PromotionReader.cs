using System.Collections.Immutable;
using System.Globalization;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Promotions;

namespace OrderSilo.Api.Promotions;

/// <summary>
/// Turns promotion bodies into contract values, checking their shape; what a promotion may be (dates in order,
/// amounts in whole minor units, quantities per type) is the promotion grain's rule and is answered from there.
/// </summary>
public static class PromotionReader
{
    public static Promotion? Read(PromotionBody? body, ValidationErrors errors)
    {
        if (body is null)
        {
            errors.Add("body", "Send a JSON object.");
            return null;
        }
        if (!CouponCodes.IsWellFormed(body.Code))
            errors.Add("code", "1 to 64 letters, digits, '-' and '_'.");
        errors.Required("name", body.Name);
        if (body.Type is null || !PromotionKinds.Types.Contains(body.Type))
            errors.Add("type", $"One of: {string.Join(", ", PromotionKinds.Types)}.");
        var start = Date("startDate", body.StartDate, endOfDay: false, errors);
        var end = Date("endDate", body.EndDate, endOfDay: true, errors);
        var products = body.ProductIds ?? [];
        for (var i = 0; i < products.Count; i++)
            errors.Required($"productIds[{i}]", products[i]);
        var discount = body.Discount is null ? null : Discount(body.Discount, errors, "discount.");
        if (body.Coupon is not null)
            Coupons(body.Coupon, errors, "coupon.");
        if (errors.Any)
            return null;
        return new Promotion
        {
            Code = body.Code!,
            Name = body.Name!,
            Description = body.Description,
            Type = body.Type!,
            StartDate = start,
            EndDate = end,
            MaximumOrdersNumber = body.MaximumOrdersNumber,
            MaximumQuantity = body.MaximumQuantity,
            MinimumQuantity = body.MinimumQuantity,
            InstantDiscount = body.InstantDiscount ?? false,
            Enabled = body.Enabled ?? true,
            ProductIds = [.. products.Select(p => p!)],
            Discount = discount,
        };
    }

    public static PromotionDiscount? Discount(DiscountBody? body, ValidationErrors errors, string prefix = "")
    {
        if (body?.Type is not (PromotionKinds.Percent or PromotionKinds.Fixed))
        {
            errors.Add(prefix + "type", $"{PromotionKinds.Percent} or {PromotionKinds.Fixed}.");
            return null;
        }
        var values = body.Values ?? [];
        for (var i = 0; i < values.Count; i++)
        {
            errors.Required($"{prefix}values[{i}].currency", values[i]?.Currency);
            errors.Required($"{prefix}values[{i}].amount", values[i]?.Amount);
        }
        if (errors.Any)
            return null;
        return new PromotionDiscount
        {
            Type = body.Type,
            Value = body.Value,
            Values = [.. values.Select(v => new CurrencyAmount(v!.Currency!, v.Amount!.Value))],
            DefaultCurrency = body.DefaultCurrency,
        };
    }

    /// <summary>The coupon type and its codes as sent: <c>code</c> for SINGLE, <c>codes</c> for MULTIPLE.</summary>
    public static (string Type, ImmutableArray<string> Codes)? Coupons(CouponBody? body, ValidationErrors errors, string prefix = "")
    {
        switch (body?.Type)
        {
            case PromotionKinds.SingleCoupon when body.Code is { Length: > 0 } code && body.Codes is null:
                return (body.Type, [code]);
            case PromotionKinds.SingleCoupon:
                errors.Add(prefix + "code", "A SINGLE coupon gives one code in 'code'.");
                return null;
            case PromotionKinds.MultipleCoupons when body.Codes is { Count: > 0 } codes && body.Code is null:
                for (var i = 0; i < codes.Count; i++)
                    errors.Required($"{prefix}codes[{i}]", codes[i]);
                return errors.Any ? null : (body.Type, [.. codes.Select(c => c!)]);
            case PromotionKinds.MultipleCoupons:
                errors.Add(prefix + "codes", "MULTIPLE coupons give their codes in 'codes'.");
                return null;
            default:
                errors.Add(prefix + "type", $"{PromotionKinds.SingleCoupon} or {PromotionKinds.MultipleCoupons}.");
                return null;
        }
    }

    /// <summary>
    /// A date (<c>2026-12-01</c>, a whole UTC day: a start at its beginning, an end after its last moment) or an
    /// ISO 8601 timestamp (UTC when it names no offset).
    /// </summary>
    private static DateTimeOffset? Date(string field, string? text, bool endOfDay, ValidationErrors errors)
    {
        if (text is null)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(endOfDay ? 1 : 0);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment))
            return moment;
        errors.Add(field, "A date (2026-12-01) or an ISO 8601 timestamp (2026-12-01T09:00:00Z).");
        return null;
    }
}

namespace OrderSilo.Api.Promotions;

/// <summary>The body of <c>POST /api/v1/admin/promotions</c> (API.md "Promotions"; seed 004's promotion).</summary>
public sealed record PromotionBody(
    string? Code,
    string? Name,
    string? Description,
    string? Type,
    string? StartDate,
    string? EndDate,
    int? MaximumOrdersNumber,
    int? MaximumQuantity,
    int? MinimumQuantity,
    bool? InstantDiscount,
    bool? Enabled,
    IReadOnlyList<string?>? ProductIds,
    DiscountBody? Discount,
    CouponBody? Coupon);

/// <summary><c>{type: "PERCENT", value}</c> or <c>{type: "FIXED", values: [{currency, amount}], defaultCurrency}</c>.</summary>
public sealed record DiscountBody(string? Type, decimal? Value, IReadOnlyList<CurrencyAmountBody?>? Values, string? DefaultCurrency);

public sealed record CurrencyAmountBody(string? Currency, decimal? Amount);

/// <summary><c>{type: "SINGLE", code}</c> or <c>{type: "MULTIPLE", codes}</c>.</summary>
public sealed record CouponBody(string? Type, string? Code, IReadOnlyList<string?>? Codes);

namespace OrderSilo.Api.Catalog;

/// <summary>The body of <c>PUT /api/v1/admin/products/{productId}</c>: a product without its id.</summary>
public sealed record ProductBody(
    string? Code,
    string? Name,
    string? Description,
    string? Kind,
    string? Currency,
    decimal? UnitCost,
    string? UnitCostNotes,
    string? Terms,
    string? DeliveryTerms,
    string? TaxCategory,
    bool? Tangible,
    string? ValueType,
    IReadOnlyList<decimal>? Denominations,
    decimal? MinValue,
    decimal? MaxValue,
    int? OrderQuantityLimit,
    bool? IsPhoneNumberMandatory,
    string? Delivery,
    string? VoucherType,
    int? ValidityDays,
    bool? RequiresSavedCard,
    decimal? AffiliateCommissionPercent = null);

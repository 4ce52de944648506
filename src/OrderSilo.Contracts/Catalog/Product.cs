using System.Collections.Immutable;

namespace OrderSilo.Contracts.Catalog;

/// <summary>A product of the catalog (API.md "Catalog and price lists"). Money is in <see cref="Currency"/>.</summary>
[GenerateSerializer, Immutable, Alias("OrderSilo.Product")]
public sealed record Product
{
    /// <summary>The id, <c>prd_…</c>.</summary>
    [Id(0)] public required string ProductId { get; init; }
    /// <summary>The product code, unique in the catalog.</summary>
    [Id(1)] public required string Code { get; init; }
    /// <summary>The display name.</summary>
    [Id(2)] public required string Name { get; init; }
    /// <summary>A longer description.</summary>
    [Id(3)] public string? Description { get; init; }
    /// <summary><c>voucher</c>, <c>licence</c> or <c>service</c>.</summary>
    [Id(4)] public required string Kind { get; init; }
    /// <summary>ISO 4217 code of every amount of this product.</summary>
    [Id(5)] public required string Currency { get; init; }
    /// <summary>The list price of one unit (non-voucher products and fixed-price vouchers).</summary>
    [Id(6)] public decimal? UnitCost { get; init; }
    /// <summary>Notes on the unit cost.</summary>
    [Id(7)] public string? UnitCostNotes { get; init; }
    /// <summary>Terms and conditions.</summary>
    [Id(8)] public string? Terms { get; init; }
    /// <summary>Delivery terms.</summary>
    [Id(9)] public string? DeliveryTerms { get; init; }
    /// <summary>The tax category that, with the buyer's country, selects the VAT rate.</summary>
    [Id(10)] public required string TaxCategory { get; init; }
    /// <summary>True for physical goods.</summary>
    [Id(11)] public bool Tangible { get; init; }
    /// <summary><c>fixed_denomination</c>, <c>open_value</c> or <c>fixed_price</c>.</summary>
    [Id(12)] public required string ValueType { get; init; }
    /// <summary>The denominations offered (fixed_denomination).</summary>
    [Id(13)] public ImmutableArray<decimal> Denominations { get; init; } = [];
    /// <summary>The smallest value (open_value).</summary>
    [Id(14)] public decimal? MinValue { get; init; }
    /// <summary>The largest value (open_value).</summary>
    [Id(15)] public decimal? MaxValue { get; init; }
    /// <summary>The largest quantity of one line.</summary>
    [Id(16)] public int OrderQuantityLimit { get; init; } = 10;
    /// <summary>True when an order needs the recipient's phone number.</summary>
    [Id(17)] public bool IsPhoneNumberMandatory { get; init; }
    /// <summary><c>realtime</c> or <c>delayed</c>.</summary>
    [Id(18)] public required string Delivery { get; init; }
    /// <summary><c>code</c>, <c>codePin</c>, <c>url</c> or <c>urlPin</c> (vouchers).</summary>
    [Id(19)] public string? VoucherType { get; init; }
    /// <summary>Days a voucher stays valid after issue.</summary>
    [Id(20)] public int ValidityDays { get; init; } = 365;
    /// <summary>True when accepting an order for it needs a saved card.</summary>
    [Id(21)] public bool RequiresSavedCard { get; init; }
    /// <summary>Percent off the denomination under the caller's price list (vouchers); null without one.</summary>
    [Id(22)] public decimal? DiscountPercent { get; init; }
    /// <summary>Percent of the discounted net paid as affiliate commission, 0 to 100; null: none.</summary>
    [Id(23)] public decimal? AffiliateCommissionPercent { get; init; }
}

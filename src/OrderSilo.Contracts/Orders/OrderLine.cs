namespace OrderSilo.Contracts.Orders;

/// <summary>A priced line of an order (seed 004 pricing fields). Amounts are in the order's currency.</summary>
[GenerateSerializer, Immutable, Alias("OrderSilo.OrderLine")]
public sealed record OrderLine
{
    /// <summary>The product.</summary>
    [Id(0)] public required string ProductId { get; init; }
    /// <summary>The product's name when ordered.</summary>
    [Id(1)] public required string ProductName { get; init; }
    /// <summary>The voucher value (vouchers only).</summary>
    [Id(2)] public decimal? Denomination { get; init; }
    /// <summary>Units.</summary>
    [Id(3)] public required int Quantity { get; init; }
    /// <summary>Net price of one unit before discounts.</summary>
    [Id(4)] public required decimal UnitNetPrice { get; init; }
    /// <summary>The line promotion's discount on one discounted unit, rounded.</summary>
    [Id(5)] public required decimal UnitDiscount { get; init; }
    /// <summary>VAT on one unit.</summary>
    [Id(6)] public required decimal UnitVat { get; init; }
    /// <summary>Net price of the line before discounts.</summary>
    [Id(7)] public required decimal NetPrice { get; init; }
    /// <summary>Discount on the line.</summary>
    [Id(8)] public required decimal Discount { get; init; }
    /// <summary>Net price after discounts.</summary>
    [Id(9)] public required decimal NetDiscountedPrice { get; init; }
    /// <summary>VAT on the discounted net.</summary>
    [Id(10)] public required decimal Vat { get; init; }
    /// <summary>The VAT rate, in percent.</summary>
    [Id(11)] public required decimal VatPercent { get; init; }
    /// <summary>Net price plus the VAT it would carry without discounts.</summary>
    [Id(12)] public required decimal GrossPrice { get; init; }
    /// <summary>Discounted net plus VAT: what the line costs.</summary>
    [Id(13)] public required decimal GrossDiscountedPrice { get; init; }
    /// <summary>Affiliate commission on the discounted net.</summary>
    [Id(14)] public required decimal AffiliateCommission { get; init; }
    /// <summary>Net price of one unit before discounts, not rounded (a price-list discount can leave digits below the minor unit).</summary>
    [Id(15)] public decimal UnitNetPriceRaw { get; init; }
    /// <summary>The line promotion's discount on one discounted unit, not rounded; zero without one.</summary>
    [Id(16)] public decimal UnitDiscountRaw { get; init; }
    /// <summary>The units the line promotion discounted (a promotion's maximum quantity can leave some at full price).</summary>
    [Id(17)] public int DiscountedQuantity { get; init; }
    /// <summary>The line promotion (REGULAR or ORDER) applied to this line, or null.</summary>
    [Id(18)] public string? PromotionCode { get; init; }
    /// <summary>This line's share of the order promotion (GLOBAL) discount; included in <see cref="Discount"/>.</summary>
    [Id(19)] public decimal OrderDiscount { get; init; }
}

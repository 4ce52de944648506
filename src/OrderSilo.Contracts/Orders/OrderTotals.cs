namespace OrderSilo.Contracts.Orders;

/// <summary>An order's totals: each is the exact sum of the lines' field of the same name.</summary>
[GenerateSerializer, Immutable, Alias("OrderSilo.OrderTotals")]
public sealed record OrderTotals
{
    /// <summary>Sum of line net prices.</summary>
    [Id(0)] public required decimal NetPrice { get; init; }
    /// <summary>Sum of line discounts.</summary>
    [Id(1)] public required decimal Discount { get; init; }
    /// <summary>Sum of discounted nets.</summary>
    [Id(2)] public required decimal NetDiscountedPrice { get; init; }
    /// <summary>Sum of VAT.</summary>
    [Id(3)] public required decimal Vat { get; init; }
    /// <summary>Sum of gross prices.</summary>
    [Id(4)] public required decimal GrossPrice { get; init; }
    /// <summary>Sum of discounted gross prices.</summary>
    [Id(5)] public required decimal GrossDiscountedPrice { get; init; }
    /// <summary>Sum of affiliate commissions.</summary>
    [Id(6)] public required decimal AffiliateCommission { get; init; }
    /// <summary>What the buyer pays: the discounted gross.</summary>
    [Id(7)] public required decimal AmountTotal { get; init; }
}

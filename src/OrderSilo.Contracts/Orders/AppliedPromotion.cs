namespace OrderSilo.Contracts.Orders;

/// <summary>A promotion applied to an order.</summary>
/// <param name="Code">The promotion's code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Discount">The discount it gave, in the order's currency (before VAT).</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.AppliedPromotion")]
public sealed record AppliedPromotion([property: Id(0)] string Code, [property: Id(1)] string Name, [property: Id(2)] decimal Discount)
{
    /// <summary><c>REGULAR</c>, <c>ORDER</c> or <c>GLOBAL</c>.</summary>
    [Id(3)] public string Type { get; init; } = "REGULAR";

    /// <summary>The coupon code the order consumed for it; null for an instant discount.</summary>
    [Id(4)] public string? CouponCode { get; init; }
}

namespace OrderSilo.Contracts.Orders;

/// <summary>An issued voucher. Codes carry 100 random bits and are unique.</summary>
/// <param name="VoucherId">The id, <c>vch_…</c>.</param>
/// <param name="ProductId">The product it was issued for.</param>
/// <param name="Type">The product's voucher type: <c>code</c>, <c>codePin</c>, <c>url</c> or <c>urlPin</c>.</param>
/// <param name="Code">The redemption code.</param>
/// <param name="Pin">The PIN (codePin, urlPin).</param>
/// <param name="Url">The redemption URL (url, urlPin).</param>
/// <param name="Amount">The voucher's value.</param>
/// <param name="Currency">The value's currency.</param>
/// <param name="Validity">The last day it can be redeemed (UTC).</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.Voucher")]
public sealed record Voucher(
    [property: Id(0)] string VoucherId,
    [property: Id(1)] string ProductId,
    [property: Id(2)] string Type,
    [property: Id(3)] string Code,
    [property: Id(4)] string? Pin,
    [property: Id(5)] string? Url,
    [property: Id(6)] decimal Amount,
    [property: Id(7)] string Currency,
    [property: Id(8)] DateOnly Validity);

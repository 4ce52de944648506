using OrderSilo.Contracts.Orders;

namespace OrderSilo.Grains.Orders;

/// <summary>
/// A poNumber's claim, stored as <c>{"accountId", "poNumber", "orderId", "fingerprint", "command", "claimedAt"}</c>.
/// While its order is not yet written, the claim is listed in <c>order_claims</c> for the sweeper. A claim made by
/// an atomic batch also names the batch attempt (<c>"batch"</c>): until that batch decides, the claim is its.
/// </summary>
public sealed record PoNumberState
{
    public string? AccountId { get; init; }
    public string? PoNumber { get; init; }
    public string? OrderId { get; init; }
    public string? Fingerprint { get; init; }
    public PlaceOrder? Command { get; init; }
    public DateTimeOffset? ClaimedAt { get; init; }
    public string? Batch { get; init; }

    /// <summary>A batch claim's promotions, whose uses its prepare holds (an abort gives them back).</summary>
    public System.Collections.Immutable.ImmutableArray<string> Promotions { get; init; } = [];
}

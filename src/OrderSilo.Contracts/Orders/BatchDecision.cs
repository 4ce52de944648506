using OrderSilo.Contracts.Pricing;

namespace OrderSilo.Contracts.Orders;

/// <summary>Where an atomic batch attempt stands.</summary>
[GenerateSerializer, Alias("OrderSilo.BatchOutcome")]
public enum BatchOutcome
{
    /// <summary>The attempt is still running: its claims must be left alone.</summary>
    Pending,
    /// <summary>The attempt's commit record is durable: its orders are to be placed.</summary>
    Committed,
    /// <summary>The attempt can never commit: its claims and credit are to be released.</summary>
    Aborted,
}

/// <summary>The fate of one claim of an atomic batch.</summary>
/// <param name="Outcome">Pending, committed or aborted.</param>
/// <param name="Priced">For a committed attempt, the cart priced for the claim's poNumber.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.BatchDecision")]
public sealed record BatchDecision([property: Id(0)] BatchOutcome Outcome, [property: Id(1)] PricedOrder? Priced = null);

/// <summary>A poNumber gate's answer to an atomic batch asking it to prepare.</summary>
/// <param name="OrderId">The order id claimed for the batch (prepared), or of the order placed before (existing).</param>
/// <param name="Priced">The priced cart when prepared; null when the order already existed or on refusal.</param>
/// <param name="Existing">The order placed earlier under this poNumber with the same body (the record replays).</param>
/// <param name="Error">Why the record cannot be placed; the batch aborts.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.BatchVote")]
public sealed record BatchVote(
    [property: Id(0)] string? OrderId,
    [property: Id(1)] PricedOrder? Priced,
    [property: Id(2)] Order? Existing,
    [property: Id(3)] Common.DomainError? Error);

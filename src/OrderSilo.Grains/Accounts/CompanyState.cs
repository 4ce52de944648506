using System.Collections.Immutable;
using OrderSilo.Contracts.Accounts;

namespace OrderSilo.Grains.Accounts;

/// <summary>
/// Stored as <c>{"company": …, "creditUsed", "pending": {orderId: amount}, "changes": […]}</c>; the company is projected to the
/// <c>companies</c> table. <c>pending</c> holds reservations whose order is not yet known to be written, so a
/// retried reservation is not counted twice; an entry leaves once its order is written, so the map stays small.
/// </summary>
public sealed record CompanyState
{
    public Company? Company { get; init; }
    public decimal CreditUsed { get; init; }
    public ImmutableSortedDictionary<string, decimal> Pending { get; init; } = ImmutableSortedDictionary<string, decimal>.Empty;

    /// <summary>The operator's changes of the company's terms, oldest first (rare: a few a year).</summary>
    public ImmutableArray<CompanyChange> Changes { get; init; } = [];

    /// <summary>The payment gateway's token of the saved card (never shown; the company shows brand and last 4).</summary>
    public string? CardToken { get; init; }
}

namespace OrderSilo.Contracts.Accounts;

/// <summary>One movement of a company's prepaid balance (<c>GET /companies/{id}/balance-transactions</c>).</summary>
/// <param name="Sequence">The movement's number in the company's record, from 1; newer movements have higher ones.</param>
/// <param name="Kind">One of <see cref="BalanceMovementKinds"/>.</param>
/// <param name="Amount">Positive when it added to the balance, negative when it drew it down.</param>
/// <param name="BalanceAfter">The balance right after it, never below zero.</param>
/// <param name="Currency">The company's currency.</param>
/// <param name="OrderId">The order it paid for or that gave it back; null for a top-up.</param>
/// <param name="Reference">The operator's reference of a top-up, or the refund id.</param>
/// <param name="Actor">Who moved it: the operator's client id, the tenant's for an order, or <c>system</c>.</param>
/// <param name="CreatedAt">When.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.BalanceTransaction")]
public sealed record BalanceTransaction(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string Kind,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] decimal BalanceAfter,
    [property: Id(4)] string Currency,
    [property: Id(5)] string? OrderId,
    [property: Id(6)] string? Reference,
    [property: Id(7)] string Actor,
    [property: Id(8)] DateTimeOffset CreatedAt);

/// <summary>The values of <see cref="BalanceTransaction.Kind"/>.</summary>
public static class BalanceMovementKinds
{
    /// <summary>The operator added money received (<c>POST /admin/companies/{id}/top-ups</c>).</summary>
    public const string TopUp = "top_up";
    /// <summary>An order with <c>payment.type: "balance"</c> was paid from it.</summary>
    public const string Order = "order";
    /// <summary>An order paid from it was cancelled, or never written: the whole amount came back.</summary>
    public const string OrderReturned = "order_returned";
    /// <summary>The operator refunded part or all of an order paid from it.</summary>
    public const string Refund = "refund";
}

using System.Collections.Immutable;
using OrderSilo.Contracts.Pricing;

namespace OrderSilo.Grains.Orders;

/// <summary>
/// An atomic batch's commit record, <c>{"attempt", "records": [{"poNumber", "orderId", "priced"}]}</c>, written once:
/// when it is stored, the attempt committed and each record's claim is rolled forward with its priced cart.
/// An attempt that never wrote it aborted. Not projected into a read model.
/// </summary>
public sealed record OrderBatchState
{
    public string? Attempt { get; init; }
    public ImmutableArray<OrderBatchRecord> Records { get; init; } = [];
}

/// <summary>One committed record: the order its poNumber claimed, priced when the batch prepared it (null: it existed).</summary>
public sealed record OrderBatchRecord(string PoNumber, string OrderId, PricedOrder? Priced);

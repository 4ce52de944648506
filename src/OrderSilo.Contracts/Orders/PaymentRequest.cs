namespace OrderSilo.Contracts.Orders;

/// <summary>How an order is paid.</summary>
/// <param name="Type">One of <see cref="PaymentTypes"/>.</param>
/// <param name="AutoApprove">Purchase orders: approve without a manual step.</param>
/// <param name="InternalPoNumber">Purchase orders: the buyer's internal number.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.PaymentRequest")]
public sealed record PaymentRequest(
    [property: Id(0)] string Type,
    [property: Id(1)] bool AutoApprove = false,
    [property: Id(2)] string? InternalPoNumber = null);

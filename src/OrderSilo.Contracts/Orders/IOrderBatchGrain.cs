using System.Collections.Immutable;
using Orleans.Concurrency;

namespace OrderSilo.Contracts.Orders;

/// <summary>
/// The coordinator of one atomic batch of orders, keyed by <see cref="KeyOf"/>: the account and a hash of the
/// batch's sorted poNumbers,
/// so a retried batch, or another batch of the same poNumbers, queues on the same activation. It places all the
/// batch's orders or none: every poNumber is first claimed for the batch, then one durable commit record decides.
/// </summary>
[Alias("OrderSilo.IOrderBatchGrain")]
public interface IOrderBatchGrain : IGrainWithStringKey
{
    /// <summary>
    /// Places every command or none. The results are in command order; when the batch is refused, the records at
    /// fault carry their errors and the others <see cref="Common.ErrorCodes.BatchNotPlaced"/>.
    /// </summary>
    [Alias("PlaceAll")]
    Task<ImmutableArray<PlaceOrderResult>> PlaceAll(ImmutableArray<PlaceOrder> commands);

    /// <summary>
    /// The fate of a claim made by <paramref name="attempt"/>: committed (with the priced cart of
    /// <paramref name="poNumber"/>), aborted, or still pending. Interleaves with a running placement, so a
    /// poNumber gate can ask while the batch waits on it.
    /// </summary>
    [AlwaysInterleave]
    [Alias("Resolve")]
    Task<BatchDecision> Resolve(string attempt, string poNumber);

    /// <summary>The grain key of the atomic batch of <paramref name="poNumbers"/> in <paramref name="accountId"/>.</summary>
    public static string KeyOf(string accountId, IEnumerable<string> poNumbers) =>
        $"{accountId}/{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join('\n', poNumbers.Order(StringComparer.Ordinal)))))}";
}

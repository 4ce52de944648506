using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Grains.Infrastructure;
using Orleans.Storage;

namespace OrderSilo.Grains.Orders;

/// <summary>
/// Exactly-once placement. Non-reentrant on purpose: concurrent requests for one poNumber queue here, so the
/// first claims and the rest see its claim. The claim (order id, fingerprint, command) is durable before the
/// order grain is asked to create the order, so after a crash the next request, or the sweeper, rolls the same
/// placement forward and never creates a second order. Its part in atomic batches is in PoNumberGrain.Batch.cs.
/// </summary>
[GrainType("ponumber")]
internal sealed partial class PoNumberGrain(
    [FromKeyedServices(StorageNames.Orders)] IGrainStorage storage,
    IGrainFactory grains,
    TimeProvider clock,
    IOptions<CrashPointOptions> crashPoints) : Grain, IPoNumberGrain
{
    public const string StateName = "poNumber";

    private OnDemandState<PoNumberState>? _claim;

    private OnDemandState<PoNumberState> Claim => _claim ??= new(storage, StateName, this);

    private string AccountId => this.GetPrimaryKeyString().Split('/', 2)[0];

    public async Task<PlaceOrderResult> Place(PlaceOrder command)
    {
        var fingerprint = PlaceOrderFingerprint.Of(command);
        // A claim this activation knows of is answered without pricing, so a repeated request replays its order
        // even if the catalog no longer accepts its cart.
        if (!Claim.IsLoaded || Claim.State.OrderId is null)
        {
            var priced = await PlacementPricer.PriceAsync(grains, AccountId, command);
            if (priced.Failed)
            {
                // Only a refused cart reads the claim here: a new poNumber, the common case, costs no read.
                if ((await Claim.ReadAsync()).OrderId is null)
                    return PlaceOrderResult.Refused(priced.Error!);
            }
            else if (await TryClaimAsync(NewClaim(command, fingerprint)))
            {
                crashPoints.Value.AfterClaim(command.PoNumber);
                return await PlaceClaimed(priced.Value);
            }
        }
        // A claim an atomic batch holds is settled first: rolled forward, given back, or still the batch's.
        if (!await SettleBatchAsync())
            return PlaceOrderResult.Refused(BatchInProgress(command.PoNumber));
        if (Claim.State.OrderId is null)
            return await Place(command);
        return Claim.State.Fingerprint == fingerprint
            ? await PlaceClaimed(null)
            : PlaceOrderResult.Refused(Reused(command.PoNumber));
    }

    public async Task<Order?> GetOrder() =>
        (await Claim.ReadAsync()).OrderId is { } orderId ? await grains.GetGrain<IOrderGrain>(orderId).Get(AccountId) : null;

    public async Task Resume()
    {
        if ((await Claim.ReadAsync()).OrderId is not null && await SettleBatchAsync() && Claim.State.OrderId is not null)
            await PlaceClaimed(null);
    }

    /// <summary>
    /// Claims the poNumber unless another placement holds it. With nothing read yet the claim is written first and
    /// read only on a conflict; a stored claim that was released (its order refused) is claimed over.
    /// </summary>
    private async Task<bool> TryClaimAsync(PoNumberState claim)
    {
        if (!Claim.IsLoaded && await Claim.TryCreateAsync(claim))
            return true;
        if (Claim.State.OrderId is not null)
            return false;
        await Claim.WriteAsync(claim);
        return true;
    }

    private async Task<PlaceOrderResult> PlaceClaimed(PricedOrder? priced, bool creditReserved = false)
    {
        var placement = new OrderPlacement(Claim.State.OrderId!, AccountId, Claim.State.Command!, priced, creditReserved);
        var result = await grains.GetGrain<IOrderGrain>(placement.OrderId).Place(placement);
        if (result.Error is not null)
        {
            // The order grain refused and wrote nothing (say, the product was withdrawn since the claim):
            // release the poNumber so that a corrected request can use it.
            await Claim.WriteAsync(new PoNumberState { AccountId = AccountId, PoNumber = placement.Command.PoNumber });
        }
        return result;
    }

    private PoNumberState NewClaim(PlaceOrder command, string fingerprint)
    {
        var now = clock.GetUtcNow();
        return new PoNumberState
        {
            AccountId = AccountId,
            PoNumber = command.PoNumber,
            OrderId = Ids.NewOrderId(now),
            Fingerprint = fingerprint,
            Command = command,
            ClaimedAt = now,
        };
    }
}

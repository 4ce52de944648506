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
/// placement forward and never creates a second order.
/// </summary>
[GrainType("ponumber")]
internal sealed class PoNumberGrain(
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
        if (!Claim.IsLoaded)
        {
            // A new poNumber is the common case: price first (in memory), then claim with a write that fails if a
            // claim exists, so a new order costs no read here. Only a refused cart reads, because a repeated
            // request must replay its order even if the catalog no longer accepts that cart.
            var priced = await PlacementPricer.PriceAsync(grains, AccountId, command);
            if (priced.Failed && (await Claim.ReadAsync()).OrderId is null)
                return PlaceOrderResult.Refused(priced.Error!);
            if (!priced.Failed && await Claim.TryCreateAsync(NewClaim(command, fingerprint)))
                return await PlaceJustClaimed(command, priced.Value!);
        }
        return Claim.State.OrderId is null
            ? await PlaceUnclaimed(command, fingerprint)
            : await PlaceClaimedAgain(command, fingerprint);
    }

    public async Task<Order?> GetOrder() =>
        (await Claim.ReadAsync()).OrderId is { } orderId ? await grains.GetGrain<IOrderGrain>(orderId).Get(AccountId) : null;

    public async Task Resume()
    {
        if ((await Claim.ReadAsync()).OrderId is not null)
            await PlaceClaimed(null);
    }

    private async Task<PlaceOrderResult> PlaceUnclaimed(PlaceOrder command, string fingerprint)
    {
        var priced = await PlacementPricer.PriceAsync(grains, AccountId, command);
        if (priced.Failed)
            return PlaceOrderResult.Refused(priced.Error!);
        await Claim.WriteAsync(NewClaim(command, fingerprint));
        return await PlaceJustClaimed(command, priced.Value!);
    }

    private async Task<PlaceOrderResult> PlaceClaimedAgain(PlaceOrder command, string fingerprint) =>
        Claim.State.Fingerprint == fingerprint
            ? await PlaceClaimed(null)
            : PlaceOrderResult.Refused(new DomainError(ErrorCodes.PoNumberReused,
                $"poNumber '{command.PoNumber}' was used for a different order.", "poNumber"));

    private async Task<PlaceOrderResult> PlaceJustClaimed(PlaceOrder command, PricedOrder priced)
    {
        crashPoints.Value.AfterClaim(command.PoNumber);
        return await PlaceClaimed(priced);
    }

    private async Task<PlaceOrderResult> PlaceClaimed(PricedOrder? priced)
    {
        var placement = new OrderPlacement(Claim.State.OrderId!, AccountId, Claim.State.Command!, priced);
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

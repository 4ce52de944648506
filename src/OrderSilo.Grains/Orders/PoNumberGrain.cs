using Microsoft.Extensions.Options;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Grains.Infrastructure;

namespace OrderSilo.Grains.Orders;

/// <summary>
/// Exactly-once placement. Non-reentrant on purpose: concurrent requests for one poNumber queue here, so the
/// first claims and the rest see its claim. The claim (order id, fingerprint, command) is durable before the
/// order grain is asked to create the order, so after a crash the next request, or the sweeper, rolls the same
/// placement forward and never creates a second order.
/// </summary>
[GrainType("ponumber")]
internal sealed class PoNumberGrain(
    [PersistentState("poNumber", StorageNames.Orders)] IPersistentState<PoNumberState> claim,
    IGrainFactory grains,
    TimeProvider clock,
    IOptions<CrashPointOptions> crashPoints) : Grain, IPoNumberGrain
{
    private string AccountId => this.GetPrimaryKeyString().Split('/', 2)[0];

    public async Task<PlaceOrderResult> Place(PlaceOrder command)
    {
        var fingerprint = PlaceOrderFingerprint.Of(command);
        if (claim.State.OrderId is not null)
        {
            return claim.State.Fingerprint == fingerprint
                ? await PlaceClaimed(null)
                : PlaceOrderResult.Refused(new DomainError(ErrorCodes.PoNumberReused,
                    $"poNumber '{command.PoNumber}' was used for a different order.", "poNumber"));
        }

        // Refuse bad carts before claiming, so invalid requests cost no database work.
        var priced = await PlacementPricer.PriceAsync(grains, AccountId, command);
        if (priced.Failed)
            return PlaceOrderResult.Refused(priced.Error!);

        var now = clock.GetUtcNow();
        await claim.ChangeAndWriteAsync(this, _ => new PoNumberState
        {
            AccountId = AccountId,
            PoNumber = command.PoNumber,
            OrderId = Ids.NewOrderId(now),
            Fingerprint = fingerprint,
            Command = command,
            ClaimedAt = now,
        });
        crashPoints.Value.AfterClaim(command.PoNumber);
        return await PlaceClaimed(priced.Value);
    }

    public async Task<Order?> GetOrder() =>
        claim.State.OrderId is { } orderId ? await grains.GetGrain<IOrderGrain>(orderId).Get(AccountId) : null;

    public async Task Resume()
    {
        if (claim.State.OrderId is not null)
            await PlaceClaimed(null);
    }

    private async Task<PlaceOrderResult> PlaceClaimed(PricedOrder? priced)
    {
        var placement = new OrderPlacement(claim.State.OrderId!, AccountId, claim.State.Command!, priced);
        var result = await grains.GetGrain<IOrderGrain>(placement.OrderId).Place(placement);
        if (result.Error is not null)
        {
            // The order grain refused and wrote nothing (say, the product was withdrawn since the claim):
            // release the poNumber so that a corrected request can use it.
            await claim.ChangeAndWriteAsync(this, _ => new PoNumberState { AccountId = AccountId, PoNumber = placement.Command.PoNumber });
        }
        return result;
    }
}

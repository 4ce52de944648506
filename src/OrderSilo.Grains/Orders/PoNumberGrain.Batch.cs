using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Grains.Promotions;

namespace OrderSilo.Grains.Orders;

/// <summary>
/// The poNumber gate's part in an atomic batch (see <see cref="OrderBatchGrain"/>): a claim that names a batch
/// attempt belongs to that batch until it decides. Its fate is asked of the batch, never guessed: committed claims
/// are rolled forward with the batch's priced cart and reservation, aborted ones are given back.
/// </summary>
internal sealed partial class PoNumberGrain
{
    /// <summary>True once this activation knows the batch claim it holds was decided and carried out.</summary>
    private bool _batchSettled;

    public async Task<BatchVote> Prepare(string attempt, PlaceOrder command)
    {
        var fingerprint = PlaceOrderFingerprint.Of(command);
        if ((await Claim.ReadAsync()).OrderId is not null)
        {
            if (!await SettleBatchAsync())
                return Refusal(BatchInProgress(command.PoNumber));
            if (Claim.State.OrderId is not null)
                return await PrepareExistingAsync(fingerprint, command.PoNumber);
        }

        // A card charge cannot be taken back by an abort, and cannot be refused after the commit: not in atomic batches.
        if (command.Payment.Type == PaymentTypes.Card)
            return Refusal(new DomainError(ErrorCodes.Unsupported, "Card payments are not offered in atomic batches.", "payment.type"));
        var priced = await PlacementPricer.PriceAsync(grains, AccountId, command);
        if (priced.Failed)
            return Refusal(priced.Error!);
        await Claim.WriteAsync(NewClaim(command, fingerprint) with { Batch = attempt, Promotions = [.. priced.Value!.Promotions.Select(p => p.Code)] });
        _batchSettled = false;
        var orderId = Claim.State.OrderId!;
        // The claim is durable before the reservations, so an abort (or the sweeper after a crash) finds them
        // through the claim's order id and promotions. A refusal here is undone by the batch's abort.
        var held = await PromotionHolds.ReserveAsync(grains, new OrderPlacement(orderId, AccountId, command), priced.Value);
        if (held.Failed)
            return Refusal(held.Error!);
        var final = held.Value!.Priced;
        if (!OrderLifecycle.UsesCredit(command.Payment.Type))
            return new BatchVote(orderId, final, null, null);
        var credit = await grains.GetGrain<ICompanyGrain>(command.CompanyId)
            .ReserveCredit(AccountId, orderId, final.Totals.AmountTotal, final.Currency);
        return credit.Failed ? Refusal(credit.Error!) : new BatchVote(orderId, final, null, null);
    }

    public async Task<PlaceOrderResult> Commit(string attempt, PricedOrder priced)
    {
        if ((await Claim.ReadAsync()).Batch != attempt || Claim.State.OrderId is null)
            throw new InvariantViolationException($"poNumber '{Claim.State.PoNumber}' holds no claim of batch attempt {attempt}.");
        var result = await PlaceClaimed(priced, creditReserved: true);
        _batchSettled = result.Error is null;
        return result;
    }

    public async Task Abort(string attempt)
    {
        if ((await Claim.ReadAsync()).Batch == attempt && Claim.State.OrderId is not null && !_batchSettled)
            await ReleaseBatchClaimAsync();
    }

    /// <summary>
    /// Settles a claim held by a batch attempt: carries out the batch's decision (true), or answers false while the
    /// batch is still running. A claim of no batch is settled already.
    /// </summary>
    private async Task<bool> SettleBatchAsync()
    {
        if (_batchSettled || Claim.State.Batch is not { } attempt || Claim.State.OrderId is null)
            return true;
        var decision = await grains.GetGrain<IOrderBatchGrain>(OrderBatchGrain.KeyOf(attempt)).Resolve(attempt, Claim.State.PoNumber!);
        switch (decision.Outcome)
        {
            case BatchOutcome.Committed:
                _batchSettled = (await PlaceClaimed(decision.Priced, creditReserved: true)).Error is null;
                return true;
            case BatchOutcome.Aborted:
                await ReleaseBatchClaimAsync();
                return true;
            default:
                return false;
        }
    }

    /// <summary>Gives back the credit, the promotion uses and then the poNumber an unfinished batch claim took; each step is idempotent.</summary>
    private async Task ReleaseBatchClaimAsync()
    {
        await grains.GetGrain<ICompanyGrain>(Claim.State.Command!.CompanyId).ReleaseCredit(Claim.State.OrderId!);
        await PromotionHolds.ReleaseAsync(grains, Claim.State.OrderId!, Claim.State.Promotions);
        await Claim.WriteAsync(new PoNumberState { AccountId = AccountId, PoNumber = Claim.State.PoNumber });
    }

    /// <summary>A batch record whose poNumber already has an order: it replays when the body is the same.</summary>
    private async Task<BatchVote> PrepareExistingAsync(string fingerprint, string poNumber)
    {
        if (Claim.State.Fingerprint != fingerprint)
            return Refusal(Reused(poNumber));
        var placed = await PlaceClaimed(null);
        return placed.Error is { } error ? Refusal(error) : new BatchVote(placed.Order!.OrderId, null, placed.Order, null);
    }

    private static BatchVote Refusal(DomainError error) => new(null, null, null, error);

    private static DomainError BatchInProgress(string poNumber) =>
        new(ErrorCodes.Conflict, $"poNumber '{poNumber}' is being placed by an atomic batch that has not finished; retry shortly.", "poNumber");

    private static DomainError Reused(string poNumber) =>
        new(ErrorCodes.PoNumberReused, $"poNumber '{poNumber}' was used for a different order.", "poNumber");
}

using System.Collections.Immutable;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using Microsoft.Extensions.Options;
using OrderSilo.Grains.Infrastructure;

namespace OrderSilo.Grains.Orders;

/// <summary>
/// All or nothing for a batch of orders, as a two-phase commit with presumed abort. Each poNumber gate first
/// prepares: it prices the record, claims the poNumber for this attempt and reserves the credit. If every record
/// is accepted, one write of the commit record decides, then each gate creates its order; if any is refused (or a
/// gate fails), every gate gives its claim and credit back. An attempt this activation is not running and that
/// left no commit record can never commit, so after a crash the claims it made are released when anyone asks
/// (<see cref="Resolve"/>): the next request for the poNumber or the claim sweeper.
/// </summary>
[GrainType("orderbatch")]
internal sealed class OrderBatchGrain(
    [PersistentState("orderBatch", StorageNames.Orders)] IPersistentState<OrderBatchState> state,
    IGrainFactory grains,
    IOptions<CrashPointOptions> crashPoints) : Grain, IOrderBatchGrain
{
    /// <summary>The attempt under way in this activation, whose claims must be left alone.</summary>
    private string? _running;

    private string AccountId => this.GetPrimaryKeyString().Split('/', 2)[0];

    /// <summary>The batch grain key inside an attempt id (<c>{key}#{random}</c>).</summary>
    public static string KeyOf(string attempt) => attempt[..attempt.LastIndexOf('#')];

    public async Task<ImmutableArray<PlaceOrderResult>> PlaceAll(ImmutableArray<PlaceOrder> commands)
    {
        if (IOrderBatchGrain.KeyOf(AccountId, commands.Select(c => c.PoNumber)) != this.GetPrimaryKeyString())
            throw new ArgumentException("The commands' poNumbers are not this batch's.", nameof(commands));
        // A batch of these poNumbers committed before: each record answers as a single placement would, replaying
        // its order (a retried batch) or refusing a different body.
        if (state.State.Attempt is not null)
            return [.. await Task.WhenAll(commands.Select(c => Gate(c).Place(c)))];

        // First all records side by side. Batches sharing poNumbers can refuse each other that way (each finds a
        // claim of the other still pending); such a batch tries once more one record at a time in poNumber order,
        // as locks are taken in one global order: of batches doing so, the one first at a shared poNumber gets
        // every later one, so they cannot all refuse each other.
        var (attempt, votes) = await PrepareAsync(commands, inOrder: false);
        if (votes.Any(v => v.Error is not null) && votes.All(v => v.Error is null or { Code: ErrorCodes.Conflict }))
            (attempt, votes) = await PrepareAsync(commands, inOrder: true);
        if (votes.Any(v => v.Error is not null))
            return [.. votes.Select(Refused)];

        crashPoints.Value.AfterBatchPrepare(commands[0].PoNumber);
        // The commit point. Should this write fail, its outcome is unknown: the attempt stays "running" until the
        // activation is deactivated (StorageFailures.Guard does), and the next activation answers from what is stored.
        await state.ChangeAndWriteAsync(this, _ => new OrderBatchState
        {
            Attempt = attempt,
            Records = [.. commands.Zip(votes, (c, v) => new OrderBatchRecord(c.PoNumber, v.OrderId!, v.Priced))],
        });
        _running = null;
        crashPoints.Value.AfterBatchCommit(commands[0].PoNumber);
        return [.. await Task.WhenAll(commands.Zip(votes, (c, v) => v.Existing is { } existing
            ? Task.FromResult(PlaceOrderResult.Replay(existing))
            : Gate(c).Commit(attempt, v.Priced!)))];
    }

    /// <summary>
    /// One attempt's prepare phase: every record's vote, the attempt left running when all are accepted, aborted
    /// (its claims given back) otherwise. In order, it stops at the first refusal.
    /// </summary>
    private async Task<(string Attempt, BatchVote[] Votes)> PrepareAsync(ImmutableArray<PlaceOrder> commands, bool inOrder)
    {
        var attempt = $"{this.GetPrimaryKeyString()}#{Guid.NewGuid():N}";
        _running = attempt;
        try
        {
            BatchVote[] votes;
            if (inOrder)
            {
                var byPoNumber = new Dictionary<string, BatchVote>(StringComparer.Ordinal);
                foreach (var command in commands.OrderBy(c => c.PoNumber, StringComparer.Ordinal))
                {
                    var vote = await Gate(command).Prepare(attempt, command);
                    byPoNumber[command.PoNumber] = vote;
                    if (vote.Error is not null)
                        break;
                }
                votes = [.. commands.Select(c => byPoNumber.GetValueOrDefault(c.PoNumber) ?? new BatchVote(null, null, null, null))];
            }
            else
            {
                votes = await Task.WhenAll(commands.Select(c => Gate(c).Prepare(attempt, c)));
            }
            if (votes.Any(v => v.Error is not null))
                await AbortAsync(commands, attempt);
            return (attempt, votes);
        }
        catch
        {
            await AbortAsync(commands, attempt);
            throw;
        }
    }

    public Task<BatchDecision> Resolve(string attempt, string poNumber)
    {
        if (_running == attempt)
            return Task.FromResult(new BatchDecision(BatchOutcome.Pending));
        if (state.State.Attempt != attempt)
            return Task.FromResult(new BatchDecision(BatchOutcome.Aborted));
        var record = state.State.Records.Single(r => r.PoNumber == poNumber);
        return Task.FromResult(new BatchDecision(BatchOutcome.Committed, record.Priced));
    }

    /// <summary>
    /// Gives back what the attempt claimed. The attempt is over first, so a gate asking meanwhile releases its own
    /// claim; a gate this misses (it failed) is released by the next request for it or by the sweeper.
    /// </summary>
    private async Task AbortAsync(ImmutableArray<PlaceOrder> commands, string attempt)
    {
        _running = null;
        await Task.WhenAll(commands.Select(c => Gate(c).Abort(attempt)));
    }

    /// <summary>A refused batch: the records at fault carry their errors; the others were not placed by it.</summary>
    private static PlaceOrderResult Refused(BatchVote vote) =>
        vote.Error is { } error ? PlaceOrderResult.Refused(error)
        : vote.Existing is { } existing ? PlaceOrderResult.Replay(existing)
        : PlaceOrderResult.Refused(new DomainError(ErrorCodes.BatchNotPlaced, "Not placed: another record of this atomic batch was refused."));

    private IPoNumberGrain Gate(PlaceOrder command) => grains.GetGrain<IPoNumberGrain>($"{AccountId}/{command.PoNumber}");
}

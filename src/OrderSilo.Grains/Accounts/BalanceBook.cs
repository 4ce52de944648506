using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Grains.Infrastructure;

namespace OrderSilo.Grains.Accounts;

/// <summary>
/// A company's prepaid balance as one activation of its grain keeps it: the latest movement, read once, and the
/// movements made since, appended with group commit (movements made while a write is under way share the next
/// one). Each movement is decided in one synchronous turn against the balance with every movement before it, so
/// the balance never goes below zero however calls interleave; the ledger's keys make a retried movement once, and
/// its sequence numbers make a second activation's append fail rather than fork the record.
/// </summary>
internal sealed class BalanceBook(Grain grain, BalanceLedger ledger, string companyId)
{
    private readonly List<BalanceLedger.Entry> _unwritten = [];
    private readonly Dictionary<string, Task<Outcome<BalanceTransaction>>> _moving = new(StringComparer.Ordinal);
    private Task<BalanceTransaction?>? _loading;
    private BalanceTransaction? _last;
    private GroupCommit? _groupCommit;

    private GroupCommit Commit => _groupCommit ??= new GroupCommit(grain, WriteAsync);

    /// <summary>The balance with every movement this activation made (written or about to be).</summary>
    public async Task<decimal> BalanceAsync(string currency)
    {
        await LoadAsync();
        return Currencies.Round(_last?.BalanceAfter ?? 0m, currency);
    }

    /// <summary>The movement made under <paramref name="key"/> before, or null.</summary>
    public Task<BalanceTransaction?> FindAsync(string key) => ledger.FindAsync(companyId, key);

    /// <summary>
    /// Moves <paramref name="amount"/> (negative draws down) under <paramref name="key"/>, once: a key moved before
    /// answers its movement as it was. Refused with <c>insufficient_balance</c> when it would go below zero.
    /// </summary>
    public Task<Outcome<BalanceTransaction>> MoveAsync(string key, BalanceTransaction movement)
    {
        if (_moving.TryGetValue(key, out var underWay))
            return underWay;
        var moving = MoveOnceAsync(key, movement);
        _moving[key] = moving;
        // Forgotten once done: the ledger remembers the key from then on.
        _ = moving.ContinueWith(_ => _moving.Remove(key), TaskScheduler.Current);
        return moving;
    }

    private async Task<Outcome<BalanceTransaction>> MoveOnceAsync(string key, BalanceTransaction movement)
    {
        await LoadAsync();
        if (await ledger.FindAsync(companyId, key) is { } earlier)
            return Outcome<BalanceTransaction>.Ok(earlier);
        var before = _last?.BalanceAfter ?? 0m;
        var after = before + movement.Amount;
        if (after < 0)
            return Outcome<BalanceTransaction>.Fail(ErrorCodes.InsufficientBalance,
                $"Company '{companyId}' has {Currencies.Round(before, movement.Currency)} {movement.Currency} of prepaid balance; the order needs {-movement.Amount}.", "payment.type");
        var row = movement with { Sequence = (_last?.Sequence ?? 0) + 1, BalanceAfter = Currencies.Round(after, movement.Currency) };
        _last = row;
        _unwritten.Add(new BalanceLedger.Entry(key, row));
        Commit.Changed();
        await Commit.PersistAsync();
        return Outcome<BalanceTransaction>.Ok(row);
    }

    private async Task LoadAsync()
    {
        _loading ??= ledger.LastAsync(companyId);
        var last = await _loading;
        if (_last is null || (last is not null && last.Sequence > _last.Sequence))
            _last = last;
    }

    /// <summary>
    /// Appends what is unwritten. A failure (a conflict with another activation included) deactivates the grain
    /// through the group commit: the next activation reads the record afresh.
    /// </summary>
    private async Task WriteAsync()
    {
        var batch = _unwritten.ToList();
        await ledger.AppendAsync(companyId, batch);
        _unwritten.RemoveRange(0, batch.Count);
    }
}

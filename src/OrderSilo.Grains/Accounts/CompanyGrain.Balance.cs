using System.Collections.Immutable;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Grains.Orders;
using Orleans.Concurrency;

namespace OrderSilo.Grains.Accounts;

/// <summary>
/// The company's prepaid balance: top-ups by the operator, orders paid from it and money given back, each a
/// movement of the company's ledger (<see cref="BalanceBook"/>) made once under its key.
/// </summary>
internal sealed partial class CompanyGrain
{
    private BalanceBook? _book;

    private BalanceBook Book => _book ??= new BalanceBook(this, ledger, this.GetPrimaryKeyString());

    public async Task<Outcome<BalanceTransaction>> TopUp(Actor actor, string reference, decimal amount)
    {
        if (state.State.Company is not { } company)
            return Outcome<BalanceTransaction>.Fail(NotFound);
        if (TrustModel.OperatorOnlyRefusal(actor, "adds to a prepaid balance", "companyId") is { } forbidden)
            return Outcome<BalanceTransaction>.Fail(forbidden);
        if (amount <= 0 || !Currencies.IsExact(amount, company.Currency))
            return Outcome<BalanceTransaction>.Fail(ErrorCodes.ValidationFailed, $"An amount above 0 in whole minor units of {company.Currency}.", "amount");
        var key = "top-up:" + reference;
        var rounded = Currencies.Round(amount, company.Currency);
        var moved = await Book.MoveAsync(key, Movement(BalanceMovementKinds.TopUp, rounded, company.Currency, null, reference, actor.Name));
        if (!moved.Failed && moved.Value!.Amount != rounded)
            return Outcome<BalanceTransaction>.Fail(ErrorCodes.Conflict,
                $"Top-up '{reference}' was recorded with {moved.Value.Amount} {company.Currency}, not {rounded}.", "reference");
        return moved;
    }

    public async Task<Outcome<BalanceTransaction>> PayFromBalance(string accountId, string orderId, decimal amount, string currency)
    {
        if (state.State.Company is not { } company || company.AccountId != accountId)
            return Outcome<BalanceTransaction>.Fail(NotFound);
        if (currency != company.Currency)
            return Outcome<BalanceTransaction>.Fail(ErrorCodes.CurrencyMismatch,
                $"Company '{company.Id}' keeps its balance in {company.Currency}; an order paid from it must be in it too, not {currency}.", "currency");
        return await Book.MoveAsync(DrawKey(orderId), Movement(BalanceMovementKinds.Order, -amount, currency, orderId, null, accountId));
    }

    public async Task<BalanceTransaction?> ReturnToBalance(string orderId, string key, string kind, decimal? amount, string? reference, string actor)
    {
        if (state.State.Company is not { } company || await Book.FindAsync(DrawKey(orderId)) is not { } drawn)
            return null;
        var back = amount is { } part ? Math.Min(part, -drawn.Amount) : -drawn.Amount;
        var returned = await Book.MoveAsync(key, Movement(kind, back, company.Currency, orderId, reference, actor));
        // Adding to a balance is never refused.
        return returned.Value;
    }

    [ReadOnly]
    public async Task<ImmutableArray<BalanceTransaction>?> BalanceTransactions(string? accountId, long? before, int limit)
    {
        if (state.State.Company is not { } company || (accountId is not null && company.AccountId != accountId))
            return null;
        return [.. await ledger.ListAsync(company.Id, before, limit)];
    }

    /// <summary>The key of an order's draw on the balance: one per order.</summary>
    private static string DrawKey(string orderId) => "order:" + orderId;

    private BalanceTransaction Movement(string kind, decimal amount, string currency, string? orderId, string? reference, string actor) =>
        new(0, kind, amount, 0m, currency, orderId, reference, actor, clock.GetUtcNow());
}

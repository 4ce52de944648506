using System.Collections.Immutable;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Grains.Infrastructure;
using OrderSilo.Grains.Payments;
using Orleans.Concurrency;

namespace OrderSilo.Grains.Accounts;

/// <summary>
/// One company and its credit, which holds over the company's subtree: an order reserves here and at every
/// ancestor (each its own single writer, so siblings ordering at once never overdraw a parent). Reentrant so that a company many orders are placed for at once does not write once
/// per order: safe because every method checks and changes the state within one synchronous turn (so available
/// credit is never overdrawn, however calls interleave) and awaits only to persist, and all writes go through
/// <see cref="PersistAsync"/>, which coalesces the changes made while a write is under way into the next write.
/// The prepaid balance is in CompanyGrain.Balance.cs.
/// </summary>
[GrainType("company")]
[Reentrant]
internal sealed partial class CompanyGrain(
    [PersistentState("company", StorageNames.Accounts)] IPersistentState<CompanyState> state,
    IGrainFactory grains,
    BalanceLedger ledger,
    IPaymentGateway gateway,
    Microsoft.Extensions.Options.IOptions<PaymentGatewayOptions> gatewayOptions,
    TimeProvider clock) : Grain, ICompanyGrain
{
    private GroupCommit? _groupCommit;

    private GroupCommit Commit => _groupCommit ??= new GroupCommit(this, state.WriteStateAsync);

    public async Task<Outcome<Company>> Create(Company company)
    {
        if (state.State.Company is { } existing)
            return existing.AccountId == company.AccountId
                ? Outcome<Company>.Ok(existing)
                : Outcome<Company>.Fail(ErrorCodes.Conflict, $"Company '{existing.Id}' already exists.", "companyId");
        Change(state.State with { Company = TermsRules.Opened(company with { Id = this.GetPrimaryKeyString() }) });
        await PersistAsync();
        return Outcome<Company>.Ok(await ViewAsync(state.State.Company!));
    }

    public async Task<Outcome<Company>> UpdateProfile(string accountId, ImmutableSortedDictionary<string, string?> changes)
    {
        if (state.State.Company is not { } company || company.AccountId != accountId)
            return Outcome<Company>.Fail(NotFound);
        var changed = CompanyRules.ApplyProfile(company, changes);
        if (changed.Failed || changed.Value == company)
            return changed;
        Change(state.State with { Company = changed.Value });
        await PersistAsync();
        return Outcome<Company>.Ok(await ViewAsync(state.State.Company!));
    }

    public async Task<Outcome<Company>> SaveCard(string accountId, string cardToken)
    {
        if (state.State.Company is not { } company || company.AccountId != accountId)
            return Outcome<Company>.Fail(NotFound);
        if (SandboxCards.Describe(cardToken) is not { } card)
            return Outcome<Company>.Fail(ErrorCodes.ValidationFailed, "The payment gateway does not know this card token.", "cardToken");
        Change(state.State with { CardToken = cardToken, Company = company with { SavedCard = card } });
        await PersistAsync();
        return Outcome<Company>.Ok(await ViewAsync(state.State.Company!));
    }

    public async Task<Outcome<Company>> SetTerms(Actor actor, CompanyTerms terms)
    {
        if (state.State.Company is null)
            return Outcome<Company>.Fail(NotFound);
        var next = TermsRules.Apply(state.State, terms, actor, clock.GetUtcNow());
        if (next.Failed)
            return Outcome<Company>.Fail(next.Error!);
        Change(next.Value!);
        await PersistAsync();
        return Outcome<Company>.Ok(await ViewAsync(state.State.Company!));
    }

    [ReadOnly]
    public Task<ImmutableArray<CompanyChange>?> Changes() =>
        Task.FromResult(state.State.Company is null ? null : (ImmutableArray<CompanyChange>?)state.State.Changes);

    public async Task<Outcome<ImmutableArray<string>>> ReserveCredit(string accountId, string orderId, decimal amount, string currency)
    {
        if (state.State.Company is not { } company || company.AccountId != accountId)
            return Outcome<ImmutableArray<string>>.Fail(NotFound);
        var reserved = CreditRules.Reserve(state.State, orderId, amount, currency);
        if (reserved.Failed)
            return Outcome<ImmutableArray<string>>.Fail(reserved.Error!);
        if (reserved.Value!.Created)
        {
            Change(reserved.Value.State);
            await PersistAsync();
        }
        ImmutableArray<string> here = reserved.Value.Created ? [company.Id] : [];
        if (company.ParentCompanyId is not { } parent)
            return Outcome<ImmutableArray<string>>.Ok(here);
        // Asked even when this company held the reservation already: a crash may have come between the two.
        var above = await grains.GetGrain<ICompanyGrain>(parent).ReserveCredit(accountId, orderId, amount, currency);
        return above.Failed ? above : Outcome<ImmutableArray<string>>.Ok(here.AddRange(above.Value));
    }

    public async Task ConfirmCredit(string orderId)
    {
        // No write of its own: the confirmation rides on the company's next write. Lost in a crash, it leaves a
        // pending entry whose order exists: its credit stays used, as it should.
        state.State = CreditRules.Confirm(state.State, orderId);
        if (state.State.Company?.ParentCompanyId is { } parent)
            await grains.GetGrain<ICompanyGrain>(parent).ConfirmCredit(orderId);
    }

    public async Task ReleaseCredit(string orderId)
    {
        await ReleaseOwnCredit(orderId);
        if (state.State.Company?.ParentCompanyId is { } parent)
            await grains.GetGrain<ICompanyGrain>(parent).ReleaseCredit(orderId);
    }

    public async Task ReleaseOwnCredit(string orderId)
    {
        var released = CreditRules.Release(state.State, orderId);
        if (released == state.State)
            return;
        Change(released);
        await PersistAsync();
    }

    public async Task<Outcome<string>> ChargeCard(string accountId, string idempotencyKey, decimal amount, string currency, string? cardToken = null)
    {
        if (state.State.Company is not { } company || company.AccountId != accountId)
            return Outcome<string>.Fail(NotFound);
        if ((cardToken ?? state.State.CardToken) is not { } token)
            return Outcome<string>.Fail(ErrorCodes.SavedCardRequired,
                $"Company '{company.Id}' has no saved card: save one with PUT /api/v1/companies/{company.Id}/saved-card.");
        // Reentrant: other calls to this company go on while the gateway thinks.
        using var timeout = new CancellationTokenSource(gatewayOptions.Value.Timeout);
        var charged = await gateway.ChargeAsync(new ChargeRequest(idempotencyKey, token, amount, currency), timeout.Token);
        return charged.Succeeded
            ? Outcome<string>.Ok(charged.ChargeId!)
            : Outcome<string>.Fail(ErrorCodes.CardDeclined, $"The card was declined: {charged.DeclineReason}");
    }

    public async Task<Outcome<string>> RefundCard(string refundKey, string chargeKey, decimal? amount, string? currency)
    {
        using var timeout = new CancellationTokenSource(gatewayOptions.Value.Timeout);
        var inCurrency = currency ?? state.State.Company?.Currency ?? "";
        var refunded = await gateway.RefundAsync(new RefundRequest(refundKey, chargeKey, amount, inCurrency), timeout.Token);
        return refunded.Succeeded
            ? Outcome<string>.Ok(refunded.RefundId!)
            : Outcome<string>.Fail(ErrorCodes.RefundFailed, $"The payment gateway refused refund '{refundKey}': {refunded.FailureReason}");
    }

    [ReadOnly]
    public async Task<Company?> GetAny() => state.State.Company is { } company ? await ViewAsync(company) : null;

    [ReadOnly]
    public async Task<Company?> GetFor(string accountId) =>
        state.State.Company is { } company && company.AccountId == accountId ? await ViewAsync(company) : null;

    /// <summary>
    /// The company as clients see it: with the tightest available credit of it and its ancestors, and the approval
    /// policy that applies to it (its own, or the nearest ancestor's).
    /// </summary>
    private async Task<Company> ViewAsync(Company company)
    {
        company = company with { Balance = await Book.BalanceAsync(company.Currency) };
        if (company.ParentCompanyId is not { } parentId || await grains.GetGrain<ICompanyGrain>(parentId).GetAny() is not { } parent)
            return company with { ApprovalPolicy = company.ApprovalPolicy ?? ApprovalPolicy.Default };
        return company with
        {
            AvailableCredit = CreditRules.Tightest(company, parent),
            ApprovalPolicy = company.ApprovalPolicy ?? parent.ApprovalPolicy,
        };
    }

    /// <summary>The answer for a company that does not exist, or exists in another account (never told apart).</summary>
    private DomainError NotFound => new(ErrorCodes.NotFound, $"There is no company '{this.GetPrimaryKeyString()}'.", "companyId");

    private void Change(CompanyState next)
    {
        state.State = next;
        Commit.Changed();
    }

    /// <summary>Returns once a write that began after the caller's change has succeeded (group commit).</summary>
    private Task PersistAsync() => Commit.PersistAsync();
}

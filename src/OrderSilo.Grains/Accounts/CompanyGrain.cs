using System.Collections.Immutable;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Grains.Infrastructure;
using Orleans.Concurrency;

namespace OrderSilo.Grains.Accounts;

[GrainType("company")]
internal sealed class CompanyGrain(
    [PersistentState("company", StorageNames.Accounts)] IPersistentState<CompanyState> state) : Grain, ICompanyGrain
{
    public async Task<Outcome<Company>> Create(Company company)
    {
        if (state.State.Company is { } existing)
            return existing.AccountId == company.AccountId
                ? Outcome<Company>.Ok(existing)
                : Outcome<Company>.Fail(ErrorCodes.Conflict, $"Company '{existing.Id}' already exists.", "companyId");
        await state.ChangeAndWriteAsync(this, _ => new CompanyState(company with { Id = this.GetPrimaryKeyString() }));
        return Outcome<Company>.Ok(state.State.Company!);
    }

    public async Task<Outcome<Company>> UpdateProfile(string accountId, ImmutableSortedDictionary<string, string?> changes)
    {
        if (state.State.Company is not { } company || company.AccountId != accountId)
            return Outcome<Company>.Fail(ErrorCodes.NotFound, $"There is no company '{this.GetPrimaryKeyString()}'.", "companyId");
        var changed = CompanyRules.ApplyProfile(company, changes);
        if (!changed.Failed && changed.Value != company)
            await state.ChangeAndWriteAsync(this, s => s with { Company = changed.Value });
        return changed;
    }

    [ReadOnly]
    public Task<Company?> GetFor(string accountId) =>
        Task.FromResult(state.State.Company is { } company && company.AccountId == accountId ? company : null);
}

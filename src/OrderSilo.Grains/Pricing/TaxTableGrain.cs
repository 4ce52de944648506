using System.Collections.Immutable;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Grains.Infrastructure;
using Orleans.Concurrency;

namespace OrderSilo.Grains.Pricing;

[GrainType("taxtable")]
internal sealed class TaxTableGrain(
    [PersistentState("taxTable", StorageNames.Catalog)] IPersistentState<TaxTableState> state,
    IGrainFactory grains) : Grain, ITaxTableGrain
{
    [ReadOnly]
    public Task<ImmutableArray<TaxRate>> Get() => Task.FromResult(state.State.Rates ?? TaxTable.Default.Rates);

    public async Task<Outcome<ImmutableArray<TaxRate>>> Put(ImmutableArray<TaxRate> rates)
    {
        if (TaxTable.Problem(rates) is { } problem)
            return Outcome<ImmutableArray<TaxRate>>.Fail(ErrorCodes.ValidationFailed, problem.Message, problem.Field);
        var table = new TaxTable(rates);
        await state.ChangeAndWriteAsync(this, _ => new TaxTableState { Rates = table.Rates });
        await PricingChanges.PublishAsync(grains, new PricingChange(PricingChange.Taxes));
        return Outcome<ImmutableArray<TaxRate>>.Ok(table.Rates);
    }
}

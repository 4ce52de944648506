using System.Collections.Immutable;
using OrderSilo.Grains.Infrastructure;
using Orleans.Concurrency;

namespace OrderSilo.Grains.Promotions;

[GrainType("promotiondirectory")]
internal sealed class PromotionDirectoryGrain(
    [PersistentState("promotionDirectory", StorageNames.Promotions)] IPersistentState<PromotionDirectoryState> state) : Grain, IPromotionDirectoryGrain
{
    public async Task SetInstant(string promotionCode, bool instant)
    {
        var codes = instant ? state.State.Instant.Add(promotionCode) : state.State.Instant.Remove(promotionCode);
        if (codes != state.State.Instant)
            await state.ChangeAndWriteAsync(this, s => s with { Instant = codes });
    }

    [ReadOnly]
    public Task<ImmutableArray<string>> InstantCodes() => Task.FromResult<ImmutableArray<string>>([.. state.State.Instant]);
}

using OrderSilo.Grains.Infrastructure;
using Orleans.Concurrency;

namespace OrderSilo.Grains.Promotions;

[GrainType("coupon")]
internal sealed class CouponGrain(
    [PersistentState("coupon", StorageNames.Promotions)] IPersistentState<CouponState> state) : Grain, ICouponGrain
{
    public async Task<bool> Claim(string promotionCode)
    {
        if (state.State.PromotionCode is { } holder)
            return holder == promotionCode;
        await state.ChangeAndWriteAsync(this, _ => new CouponState { PromotionCode = promotionCode });
        return true;
    }

    public async Task Release(string promotionCode)
    {
        if (state.State.PromotionCode == promotionCode)
            await state.ChangeAndWriteAsync(this, _ => new CouponState());
    }

    [ReadOnly]
    public Task<string?> PromotionCode() => Task.FromResult(state.State.PromotionCode);
}

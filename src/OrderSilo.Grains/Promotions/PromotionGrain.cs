using System.Collections.Immutable;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Promotions;
using OrderSilo.Grains.Infrastructure;
using OrderSilo.Grains.Pricing;
using Orleans.Concurrency;

namespace OrderSilo.Grains.Promotions;

/// <summary>
/// One promotion and the uses orders hold of it. Reentrant so that many orders reserving uses at once share storage
/// writes (group commit): safe because every method checks and changes the state within one synchronous turn (so
/// the cap is never exceeded, however calls interleave) and awaits only to persist, to publish the change to the
/// pricing caches, or to claim coupon codes before they are recorded.
/// </summary>
[GrainType("promotion")]
[Reentrant]
internal sealed class PromotionGrain : Grain, IPromotionGrain
{
    private readonly IPersistentState<PromotionState> _state;
    private readonly IGrainFactory _grains;
    private readonly TimeProvider _clock;
    private readonly GroupCommit _commit;

    public PromotionGrain(
        [PersistentState("promotion", StorageNames.Promotions)] IPersistentState<PromotionState> state,
        IGrainFactory grains,
        TimeProvider clock)
    {
        (_state, _grains, _clock) = (state, grains, clock);
        _commit = new GroupCommit(this, state.WriteStateAsync);
    }

    private string Code => this.GetPrimaryKeyString()["promo_".Length..];

    private DomainError NotFound => new(ErrorCodes.NotFound, $"There is no promotion '{Code}'.", "code");

    public async Task<Outcome<Promotion>> Create(Promotion promotion)
    {
        if (_state.State.Promotion is not null)
            return Outcome<Promotion>.Fail(ErrorCodes.Conflict, $"Promotion '{Code}' already exists.", "code");
        var now = _clock.GetUtcNow();
        var created = promotion with { Code = Code, CreatedAt = now, UpdatedAt = now, OrdersUsed = null };
        if (PromotionRules.Problem(created) is { } problem)
            return Outcome<Promotion>.Fail(ErrorCodes.ValidationFailed, problem.Message, problem.Field);
        if (created.Discount is { } discount)
            created = created with { Discount = PromotionRules.Normalize(discount) };
        // Listed first: a listed code whose promotion was never written is skipped by the pricing caches.
        await _grains.GetGrain<IPromotionDirectoryGrain>(0).SetInstant(Code, created.InstantDiscount);
        return await ChangedAsync(PromotionRules.Counted(_state.State with { Promotion = created }));
    }

    public async Task<Outcome<Promotion>> Update(Promotion promotion)
    {
        if (_state.State.Promotion is not { } current)
            return Outcome<Promotion>.Fail(NotFound);
        var updated = promotion with
        {
            Code = Code, Discount = current.Discount, CreatedAt = current.CreatedAt, UpdatedAt = _clock.GetUtcNow(),
        };
        if (PromotionRules.Problem(updated) is { } problem)
            return Outcome<Promotion>.Fail(ErrorCodes.ValidationFailed, problem.Message, problem.Field);
        if (updated.InstantDiscount != current.InstantDiscount)
            await _grains.GetGrain<IPromotionDirectoryGrain>(0).SetInstant(Code, updated.InstantDiscount);
        return await ChangedAsync(PromotionRules.Counted(_state.State with { Promotion = updated }));
    }

    public Task<Promotion?> Get() => Task.FromResult(_state.State.Promotion);

    public Task<ImmutableArray<Coupon>> GetCoupons() => Task.FromResult(PromotionRules.Coupons(_state.State));

    public async Task<Outcome<Promotion>> SetDiscount(PromotionDiscount discount)
    {
        if (_state.State.Promotion is not { } current)
            return Outcome<Promotion>.Fail(NotFound);
        if (PromotionRules.Problem(discount) is { } problem)
            return Outcome<Promotion>.Fail(ErrorCodes.ValidationFailed, problem.Message, problem.Field);
        return await ChangedAsync(_state.State with
        {
            Promotion = current with { Discount = PromotionRules.Normalize(discount), UpdatedAt = _clock.GetUtcNow() },
        });
    }

    public async Task<Outcome<ImmutableArray<Coupon>>> AddCoupons(string type, ImmutableArray<string> codes)
    {
        if (_state.State.Promotion is null)
            return Outcome<ImmutableArray<Coupon>>.Fail(NotFound);
        var normalized = codes.Select(CouponCodes.Normalize).ToList();
        if (PromotionRules.CouponProblem(type, normalized) is { } problem)
            return Outcome<ImmutableArray<Coupon>>.Fail(ErrorCodes.ValidationFailed, problem.Message, problem.Field);
        var field = type == PromotionKinds.SingleCoupon ? "code" : "codes";
        for (var i = 0; i < normalized.Count; i++)
        {
            if (_state.State.Coupons.TryGetValue(normalized[i], out var held) && held != type)
                return Outcome<ImmutableArray<Coupon>>.Fail(ErrorCodes.Conflict, $"'{normalized[i]}' is already a {held} coupon of this promotion.", Field(field, type, i));
        }
        var fresh = normalized.Where(code => !_state.State.Coupons.ContainsKey(code)).ToList();
        var claimed = await Task.WhenAll(fresh.Select(code => _grains.GetGrain<ICouponGrain>(PromotionKeys.OfCoupon(code)).Claim(Code)));
        if (Array.IndexOf(claimed, false) is var taken and >= 0)
        {
            // All or nothing: the codes this call claimed go back, so the operator can retry without the taken one.
            await Task.WhenAll(fresh.Where((_, i) => claimed[i]).Select(code => _grains.GetGrain<ICouponGrain>(PromotionKeys.OfCoupon(code)).Release(Code)));
            return Outcome<ImmutableArray<Coupon>>.Fail(ErrorCodes.Conflict,
                $"Coupon '{fresh[taken]}' belongs to another promotion.", Field(field, type, normalized.IndexOf(fresh[taken])));
        }
        var coupons = _state.State.Coupons.SetItems(fresh.Select(code => KeyValuePair.Create(code, type)));
        var changed = await ChangedAsync(_state.State with { Coupons = coupons });
        return changed.Failed ? Outcome<ImmutableArray<Coupon>>.Fail(changed.Error!) : Outcome<ImmutableArray<Coupon>>.Ok(PromotionRules.Coupons(_state.State));
    }

    public async Task<Outcome<ImmutableArray<Coupon>>> RemoveCoupons(string type, ImmutableArray<string> codes)
    {
        if (_state.State.Promotion is null)
            return Outcome<ImmutableArray<Coupon>>.Fail(NotFound);
        var normalized = codes.Select(CouponCodes.Normalize).ToList();
        if (PromotionRules.CouponProblem(type, normalized) is { } problem)
            return Outcome<ImmutableArray<Coupon>>.Fail(ErrorCodes.ValidationFailed, problem.Message, problem.Field);
        // Deleting is idempotent: codes this promotion does not hold as that type are left alone.
        var gone = normalized.Where(code => _state.State.Coupons.GetValueOrDefault(code) == type).ToList();
        if (gone.Count > 0)
        {
            await ChangedAsync(_state.State with { Coupons = _state.State.Coupons.RemoveRange(gone) });
            await Task.WhenAll(gone.Select(code => _grains.GetGrain<ICouponGrain>(PromotionKeys.OfCoupon(code)).Release(Code)));
        }
        return Outcome<ImmutableArray<Coupon>>.Ok(PromotionRules.Coupons(_state.State));
    }

    public Task<CouponOffer?> Offer(string couponCode)
    {
        var state = _state.State;
        return Task.FromResult(state.Promotion is { } promotion && state.Coupons.TryGetValue(couponCode, out var type)
            ? new CouponOffer(promotion, new Coupon(couponCode, type, type == PromotionKinds.MultipleCoupons && state.UsedCoupons.ContainsKey(couponCode)))
            : null);
    }

    public async Task<Outcome<bool>> ReserveUse(string orderId, string? couponCode)
    {
        var before = _state.State;
        var reserved = PromotionRules.Reserve(before, orderId, couponCode, _clock.GetUtcNow());
        if (reserved.Failed)
            return Outcome<bool>.Fail(reserved.Error!);
        if (reserved.Value!.Created)
        {
            _state.State = reserved.Value.State;
            _commit.Changed();
            await _commit.PersistAsync();
            await PublishUsesAsync(before, _state.State);
        }
        return Outcome<bool>.Ok(reserved.Value.Created);
    }

    public Task ConfirmUse(string orderId)
    {
        // No write of its own: the confirmation rides on the next write. Lost in a crash, it leaves an unconfirmed
        // use whose order exists: the use stays held, as it should.
        _state.State = PromotionRules.Confirm(_state.State, orderId);
        return Task.CompletedTask;
    }

    public async Task ReleaseUse(string orderId)
    {
        var before = _state.State;
        var released = PromotionRules.Release(before, orderId);
        if (released == before)
            return;
        _state.State = released;
        _commit.Changed();
        await _commit.PersistAsync();
        await PublishUsesAsync(before, released);
    }

    private async Task<Outcome<Promotion>> ChangedAsync(PromotionState next)
    {
        _state.State = next;
        _commit.Changed();
        await _commit.PersistAsync();
        await PricingChanges.PublishAsync(_grains, new PricingChange(PricingChange.Promotion, Code));
        return Outcome<Promotion>.Ok(_state.State.Promotion!);
    }

    /// <summary>
    /// The caches hold the promotion as it was when loaded: they are told when it becomes used up or available
    /// again, and when a MULTIPLE coupon is taken or freed, not on every use.
    /// </summary>
    private async Task PublishUsesAsync(PromotionState before, PromotionState after)
    {
        if (before.Promotion?.UsedUp != after.Promotion?.UsedUp)
            await PricingChanges.PublishAsync(_grains, new PricingChange(PricingChange.Promotion, Code));
        foreach (var coupon in before.UsedCoupons.Keys.Except(after.UsedCoupons.Keys).Concat(after.UsedCoupons.Keys.Except(before.UsedCoupons.Keys)))
            await PricingChanges.PublishAsync(_grains, new PricingChange(PricingChange.Coupon, coupon));
    }

    private static string Field(string field, string type, int index) => type == PromotionKinds.SingleCoupon ? field : $"{field}[{index}]";
}

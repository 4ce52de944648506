using System.Collections.Immutable;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Contracts.Promotions;
using OrderSilo.Grains.Promotions;

namespace OrderSilo.Grains.Pricing;

/// <summary>
/// The promotions that may apply to one cart: the coupons' promotions that can be used, and the instant ones that
/// apply now in the order's currency. A coupon that cannot be used becomes an error naming it.
/// </summary>
internal sealed class PromotionSelection
{
    private PromotionSelection(ImmutableArray<Candidate> candidates, ImmutableArray<DomainError> errors, ImmutableArray<(int Index, string Code)> coupons)
    {
        Candidates = candidates;
        Errors = errors;
        Coupons = coupons;
    }

    /// <summary>A promotion that may apply, with the coupon that brought it (null for an instant one).</summary>
    public sealed record Candidate(Promotion Promotion, string? Coupon);

    /// <summary>The candidates, by promotion code (ordinal), so that ties are broken the same way every time.</summary>
    public ImmutableArray<Candidate> Candidates { get; }

    public ImmutableArray<DomainError> Errors { get; }

    /// <summary>The request's index of each coupon that brought a candidate.</summary>
    public ImmutableArray<(int Index, string Code)> Coupons { get; }

    public static PromotionSelection For(PricingRequest request, PricingInputs inputs, string currency)
    {
        var byCode = new SortedDictionary<string, Candidate>(StringComparer.Ordinal);
        var errors = ImmutableArray.CreateBuilder<DomainError>();
        var coupons = ImmutableArray.CreateBuilder<(int, string)>();
        var entered = request.CouponCodes.IsDefault ? [] : request.CouponCodes;
        for (var i = 0; i < entered.Length; i++)
        {
            var code = CouponCodes.Normalize(entered[i]);
            var offer = i < inputs.Coupons.Count ? inputs.Coupons[i] : null;
            var reason = offer is null ? "is unknown"
                : PromotionRules.CouponRefusal(offer, currency, inputs.Now)
                  ?? (byCode.ContainsKey(offer.Promotion.Code) ? $"is a second coupon of promotion '{offer.Promotion.Code}' (one coupon per promotion)" : null);
            if (reason is not null)
            {
                errors.Add(Refusal(i, code, reason));
                continue;
            }
            byCode[offer!.Promotion.Code] = new Candidate(offer.Promotion, code);
            coupons.Add((i, code));
        }
        foreach (var promotion in inputs.InstantPromotions)
        {
            if (promotion.InstantDiscount && !byCode.ContainsKey(promotion.Code) && !request.ExcludedPromotions.Contains(promotion.Code)
                && PromotionRules.Unavailable(promotion, inputs.Now) is null && PromotionRules.OffersIn(promotion, currency))
                byCode[promotion.Code] = new Candidate(promotion, null);
        }
        return new PromotionSelection([.. byCode.Values], errors.ToImmutable(), coupons.ToImmutable());
    }

    public static DomainError Refusal(int index, string code, string reason) =>
        new(ErrorCodes.PromotionUnavailable, $"Coupon '{code}' {reason}.", $"couponCodes[{index}]");
}

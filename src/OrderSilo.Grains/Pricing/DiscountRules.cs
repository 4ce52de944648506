using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Promotions;

namespace OrderSilo.Grains.Pricing;

/// <summary>The arithmetic of discounts (docs/pricing.md, "Discounts").</summary>
public static class DiscountRules
{
    /// <summary>
    /// A line promotion's discount on one unit, not rounded: the percentage of the unit's net price, or the fixed
    /// amount in the order's currency but never more than the unit's net price.
    /// </summary>
    public static decimal UnitDiscountRaw(PromotionDiscount discount, decimal unitNetRaw, string currency) =>
        discount.Type == PromotionKinds.Percent
            ? unitNetRaw * discount.Value!.Value / 100m
            : Math.Min(discount.AmountIn(currency) ?? 0m, unitNetRaw);

    /// <summary>
    /// An order promotion's discount on <paramref name="discountable"/> (the eligible lines' net after line
    /// discounts): the percentage of it rounded, or the fixed amount but never more than it.
    /// </summary>
    public static decimal OrderDiscount(PromotionDiscount discount, decimal discountable, string currency) =>
        discount.Type == PromotionKinds.Percent
            ? Currencies.Round(discountable * discount.Value!.Value / 100m, currency)
            : Currencies.Round(Math.Min(discount.AmountIn(currency) ?? 0m, discountable), currency);

    /// <summary>
    /// Shares <paramref name="total"/> out over <paramref name="weights"/> in proportion, in whole minor units, by
    /// largest remainder: each share is first rounded down, then the minor units still missing go one each to the
    /// shares that lost the most by rounding down (the earlier one on a tie). The shares sum to the total exactly,
    /// and none exceeds its weight when the total does not exceed the weights' sum.
    /// </summary>
    public static decimal[] Allocate(decimal total, IReadOnlyList<decimal> weights, string currency)
    {
        var digits = Currencies.DigitsOf(currency);
        var unit = Pow10(digits);
        var units = total * unit;
        var weightUnits = weights.Select(w => w * unit).ToArray();
        var sum = weightUnits.Sum();
        var shares = new decimal[weights.Count];
        if (sum == 0m || units == 0m)
            return [.. shares.Select(_ => Currencies.Round(0m, currency))];

        var remainders = new decimal[weights.Count];
        for (var i = 0; i < shares.Length; i++)
        {
            var exact = units * weightUnits[i];
            shares[i] = decimal.Floor(exact / sum);
            remainders[i] = exact - shares[i] * sum;
        }
        var missing = (int)(units - shares.Sum());
        foreach (var i in Enumerable.Range(0, shares.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(missing))
            shares[i]++;
        return [.. shares.Select(s => Currencies.Round(s / unit, currency))];
    }

    private static decimal Pow10(int digits)
    {
        var value = 1m;
        for (var i = 0; i < digits; i++)
            value *= 10m;
        return value;
    }
}

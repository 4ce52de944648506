using System.Collections.Frozen;
using System.Collections.Immutable;
using OrderSilo.Contracts.Pricing;

namespace OrderSilo.Grains.Pricing;

/// <summary>
/// VAT percent by the buyer's country and the product's tax category (docs/pricing.md, "VAT"). A rate is looked
/// up as (country, category), then (*, category), then (country, *), then (*, *); with no row at all it is 0 %.
/// So a category row for every country, such as multi-purpose vouchers at 0 % (their VAT is due when they are
/// redeemed, not when sold), beats a country's standard rate.
/// </summary>
public sealed class TaxTable
{
    /// <summary>Any country, or any category, in a <see cref="TaxRate"/>.</summary>
    public const string Any = "*";

    /// <summary>The category of vouchers whose VAT is due on redemption, not on sale.</summary>
    public const string MultiPurposeVoucher = "voucher_multi_purpose";

    private readonly FrozenDictionary<(string Country, string Category), decimal> _rates;

    public TaxTable(IEnumerable<TaxRate> rates)
    {
        Rates = [.. rates.OrderBy(r => r.Country, StringComparer.Ordinal).ThenBy(r => r.TaxCategory, StringComparer.Ordinal)];
        _rates = Rates.ToFrozenDictionary(r => (r.Country, r.TaxCategory), r => r.Percent);
    }

    /// <summary>Standard rates by country for every category, and no VAT on multi-purpose vouchers anywhere.</summary>
    public TaxTable(IReadOnlyDictionary<string, decimal> standardRates)
        : this(standardRates.Select(r => new TaxRate(r.Key, Any, r.Value)).Append(new TaxRate(Any, MultiPurposeVoucher, 0m)))
    {
    }

    /// <summary>Standard rates for digital goods and services in a few countries; the operator can replace the table.</summary>
    public static TaxTable Default { get; } = new(new Dictionary<string, decimal>
    {
        ["GB"] = 20m, ["DE"] = 19m, ["FR"] = 20m, ["NL"] = 21m, ["IE"] = 23m, ["ES"] = 21m, ["IT"] = 22m,
        ["BE"] = 21m, ["AT"] = 20m, ["PL"] = 23m, ["SE"] = 25m, ["DK"] = 25m, ["ZA"] = 15m, ["US"] = 0m,
    });

    /// <summary>The rows, by country then category.</summary>
    public ImmutableArray<TaxRate> Rates { get; }

    public decimal PercentFor(string country, string taxCategory) =>
        _rates.TryGetValue((country, taxCategory), out var rate) || _rates.TryGetValue((Any, taxCategory), out rate)
        || _rates.TryGetValue((country, Any), out rate) || _rates.TryGetValue((Any, Any), out rate)
            ? rate
            : 0m;

    /// <summary>Why the rows cannot be a tax table, as (field, message), or null.</summary>
    public static (string Field, string Message)? Problem(IReadOnlyList<TaxRate> rates)
    {
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < rates.Count; i++)
        {
            var rate = rates[i];
            if (rate.Percent is < 0 or > 100 || decimal.Round(rate.Percent, 4) != rate.Percent)
                return ($"rates[{i}].percent", "A percent from 0 to 100 with at most 4 decimals.");
            if (!seen.Add((rate.Country, rate.TaxCategory)))
                return ($"rates[{i}]", $"({rate.Country}, {rate.TaxCategory}) is listed twice.");
        }
        return null;
    }
}

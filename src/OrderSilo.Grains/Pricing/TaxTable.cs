using System.Collections.Frozen;

namespace OrderSilo.Grains.Pricing;

/// <summary>
/// VAT percent by the buyer's country and the product's tax category. Multi-purpose vouchers carry no VAT
/// when sold (it is charged when they are redeemed); a country or category not in the table is charged 0 %.
/// </summary>
public sealed class TaxTable(IReadOnlyDictionary<string, decimal> standardRates)
{
    /// <summary>The category of vouchers whose VAT is due on redemption, not on sale.</summary>
    public const string MultiPurposeVoucher = "voucher_multi_purpose";

    /// <summary>Standard rates for digital goods and services in a few countries.</summary>
    public static TaxTable Default { get; } = new(new Dictionary<string, decimal>
    {
        ["GB"] = 20m, ["DE"] = 19m, ["FR"] = 20m, ["NL"] = 21m, ["IE"] = 23m, ["ES"] = 21m, ["IT"] = 22m,
        ["BE"] = 21m, ["AT"] = 20m, ["PL"] = 23m, ["SE"] = 25m, ["DK"] = 25m, ["ZA"] = 15m, ["US"] = 0m,
    });

    private readonly FrozenDictionary<string, decimal> _standardRates = standardRates.ToFrozenDictionary(StringComparer.Ordinal);

    public decimal PercentFor(string country, string taxCategory) =>
        taxCategory == MultiPurposeVoucher ? 0m : _standardRates.GetValueOrDefault(country, 0m);
}

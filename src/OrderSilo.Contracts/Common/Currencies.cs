using System.Collections.Frozen;

namespace OrderSilo.Contracts.Common;

/// <summary>
/// ISO 4217 currencies and the one rounding rule for money: an amount is rounded to the currency's minor unit,
/// half away from zero, and carries exactly that many decimal places (so <c>75</c> USD is <c>75.00</c>).
/// </summary>
public static class Currencies
{
    private static readonly FrozenDictionary<string, int> MinorDigits = new Dictionary<string, int>
    {
        ["USD"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["CHF"] = 2, ["CAD"] = 2, ["AUD"] = 2, ["NZD"] = 2, ["ZAR"] = 2,
        ["SEK"] = 2, ["NOK"] = 2, ["DKK"] = 2, ["PLN"] = 2, ["CZK"] = 2, ["INR"] = 2, ["SGD"] = 2, ["HKD"] = 2,
        ["MXN"] = 2, ["BRL"] = 2, ["AED"] = 2, ["CNY"] = 2, ["TRY"] = 2, ["ILS"] = 2, ["RON"] = 2, ["HUF"] = 2,
        ["JPY"] = 0, ["KRW"] = 0, ["ISK"] = 0, ["CLP"] = 0, ["VND"] = 0,
        ["KWD"] = 3, ["BHD"] = 3, ["OMR"] = 3, ["JOD"] = 3, ["TND"] = 3,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Adding a zero with the right scale gives a decimal exactly that many places (75m + 0.00m == 75.00m).
    private static readonly decimal[] ZeroWithScale = [0m, 0.0m, 0.00m, 0.000m];

    /// <summary>Every supported ISO 4217 code.</summary>
    public static IEnumerable<string> Codes => MinorDigits.Keys;

    /// <summary>True for a supported ISO 4217 code (upper case).</summary>
    public static bool IsSupported(string? code) => code is not null && MinorDigits.ContainsKey(code);

    /// <summary>The number of decimal places of the currency's minor unit.</summary>
    public static int DigitsOf(string code) =>
        MinorDigits.TryGetValue(code, out var digits) ? digits : throw new ArgumentException($"Unsupported currency '{code}'.", nameof(code));

    /// <summary>Rounds to the minor unit, half away from zero, with exactly the minor unit's scale.</summary>
    public static decimal Round(decimal amount, string currency)
    {
        var digits = DigitsOf(currency);
        return decimal.Round(amount, digits, MidpointRounding.AwayFromZero) + ZeroWithScale[digits];
    }

    /// <summary>True when the amount needs no rounding in the currency (no digits below the minor unit).</summary>
    public static bool IsExact(decimal amount, string currency) =>
        decimal.Round(amount, DigitsOf(currency), MidpointRounding.AwayFromZero) == amount;
}

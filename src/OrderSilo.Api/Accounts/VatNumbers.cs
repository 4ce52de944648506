using System.Text.RegularExpressions;

namespace OrderSilo.Api.Accounts;

/// <summary>
/// The shape of a VAT number in the countries whose format is simple to state; elsewhere 2 to 15 letters and
/// digits. Spaces, dots and dashes are ignored and the country prefix is optional. A shape check, not a lookup.
/// </summary>
public static partial class VatNumbers
{
    private static readonly Dictionary<string, Regex> Shapes = new(StringComparer.Ordinal)
    {
        ["GB"] = Shape(@"(\d{9}|\d{12}|GD\d{3}|HA\d{3})"),
        ["DE"] = Shape(@"\d{9}"),
        ["FR"] = Shape(@"[0-9A-Z]{2}\d{9}"),
        ["NL"] = Shape(@"\d{9}B\d{2}"),
        ["IE"] = Shape(@"(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])"),
        ["ES"] = Shape(@"[0-9A-Z]\d{7}[0-9A-Z]"),
        ["IT"] = Shape(@"\d{11}"),
        ["BE"] = Shape(@"[01]\d{9}"),
        ["AT"] = Shape(@"U\d{8}"),
        ["PL"] = Shape(@"\d{10}"),
        ["SE"] = Shape(@"\d{10}01"),
        ["DK"] = Shape(@"\d{8}"),
        ["ZA"] = Shape(@"4\d{9}"),
    };

    public static bool IsValid(string country, string vatNumber)
    {
        var compact = Separators().Replace(vatNumber.ToUpperInvariant(), "");
        // Greece's VAT prefix is EL, not its country code.
        var prefix = country == "GR" ? "EL" : country;
        if (compact.StartsWith(prefix, StringComparison.Ordinal))
            compact = compact[prefix.Length..];
        return Shapes.TryGetValue(country, out var shape) ? shape.IsMatch(compact) : Generic().IsMatch(compact);
    }

    private static Regex Shape(string pattern) => new($"^{pattern}$", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"[\s.\-]")]
    private static partial Regex Separators();

    [GeneratedRegex("^[0-9A-Z]{2,15}$")]
    private static partial Regex Generic();
}

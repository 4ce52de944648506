using OrderSilo.Grains.Pricing;

namespace OrderSilo.Grains.Tests.Pricing;

public sealed class DiscountRulesTests
{
    [Theory]
    [InlineData("USD", "10.00", new[] { "10.00", "20.00", "3.33" }, new[] { "3.00", "6.00", "1.00" })]
    [InlineData("USD", "0.01", new[] { "1.00", "1.00", "1.00" }, new[] { "0.01", "0.00", "0.00" })]
    [InlineData("USD", "0.02", new[] { "1.00", "1.00", "1.00" }, new[] { "0.01", "0.01", "0.00" })]
    [InlineData("JPY", "100", new[] { "1", "1", "1" }, new[] { "34", "33", "33" })]
    [InlineData("KWD", "0.844", new[] { "3.750", "2.999" }, new[] { "0.469", "0.375" })]
    [InlineData("USD", "33.33", new[] { "10.00", "20.00", "3.33" }, new[] { "10.00", "20.00", "3.33" })]
    [InlineData("USD", "5.00", new[] { "0.00", "7.00" }, new[] { "0.00", "5.00" })]
    public void Allocate_SharesOutTheTotalExactly_ByLargestRemainder(string currency, string total, string[] weights, string[] expected)
    {
        var shares = DiscountRules.Allocate(Parse(total), [.. weights.Select(Parse)], currency);

        Assert.Equal(expected, shares.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(Parse(total), shares.Sum());
    }

    private static decimal Parse(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}

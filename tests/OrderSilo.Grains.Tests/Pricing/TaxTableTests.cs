using OrderSilo.Contracts.Pricing;
using OrderSilo.Grains.Pricing;

namespace OrderSilo.Grains.Tests.Pricing;

public sealed class TaxTableTests
{
    [Theory]
    [InlineData("GB", "digital", "20")]
    [InlineData("DE", "service", "19")]
    [InlineData("FR", "digital", "20")]
    [InlineData("US", "digital", "0")]
    [InlineData("ZA", "service", "15")]
    [InlineData("GB", TaxTable.MultiPurposeVoucher, "0")]
    [InlineData("JP", "digital", "0")]
    public void Default_HasTheStandardRatesAndNoVatOnMultiPurposeVouchers(string country, string category, string percent) =>
        Assert.Equal(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), TaxTable.Default.PercentFor(country, category));

    [Fact]
    public void PercentFor_TheMostSpecificRowWins()
    {
        var table = new TaxTable(
        [
            new TaxRate("DE", "*", 19m), new TaxRate("DE", "ebook", 7m), new TaxRate("*", "ebook", 5m), new TaxRate("*", "*", 1m),
        ]);

        Assert.Equal(7m, table.PercentFor("DE", "ebook"));
        Assert.Equal(19m, table.PercentFor("DE", "digital"));
        Assert.Equal(5m, table.PercentFor("FR", "ebook"));
        Assert.Equal(1m, table.PercentFor("FR", "digital"));
    }

    [Fact]
    public void Problem_NamesARowListedTwiceOrAPercentOutOfRange()
    {
        Assert.Equal("rates[1]", TaxTable.Problem([new TaxRate("DE", "*", 19m), new TaxRate("DE", "*", 7m)])?.Field);
        Assert.Equal("rates[0].percent", TaxTable.Problem([new TaxRate("DE", "*", 101m)])?.Field);
        Assert.Null(TaxTable.Problem(TaxTable.Default.Rates));
    }
}

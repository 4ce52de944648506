using System.Globalization;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Grains.Tests.Common;

public sealed class CurrenciesTests
{
    [Theory]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("GBP", 2)]
    [InlineData("ZAR", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KWD", 3)]
    public void DigitsOf_SupportedCurrency_IsItsIsoMinorUnit(string currency, int digits) =>
        Assert.Equal(digits, Currencies.DigitsOf(currency));

    [Theory]
    [InlineData("2.345", "USD", "2.35")]
    [InlineData("-2.345", "USD", "-2.35")]
    [InlineData("2.344", "USD", "2.34")]
    [InlineData("2.5", "JPY", "3")]
    [InlineData("0.5", "JPY", "1")]
    [InlineData("-0.5", "JPY", "-1")]
    [InlineData("1.0005", "KWD", "1.001")]
    [InlineData("1.0025", "KWD", "1.003")]
    public void Round_Midpoint_GoesHalfAwayFromZero(string amount, string currency, string expected) =>
        MoneyAssert.Equal(expected, Currencies.Round(Parse(amount), currency));

    [Theory]
    [InlineData("75", "USD", "75.00")]
    [InlineData("75.5", "USD", "75.50")]
    [InlineData("0", "EUR", "0.00")]
    [InlineData("500", "JPY", "500")]
    [InlineData("500.00", "JPY", "500")]
    [InlineData("1.25", "KWD", "1.250")]
    [InlineData("10", "KWD", "10.000")]
    public void Round_ExactAmount_HasExactlyTheMinorUnitScale(string amount, string currency, string expected) =>
        MoneyAssert.Equal(expected, Currencies.Round(Parse(amount), currency));

    [Theory]
    [InlineData("1.25", "USD", true)]
    [InlineData("1.250", "USD", true)]
    [InlineData("75", "USD", true)]
    [InlineData("1.255", "USD", false)]
    [InlineData("500", "JPY", true)]
    [InlineData("0.5", "JPY", false)]
    [InlineData("1.001", "KWD", true)]
    [InlineData("1.0001", "KWD", false)]
    public void IsExact_TellsWhetherAmountFitsTheMinorUnit(string amount, string currency, bool exact) =>
        Assert.Equal(exact, Currencies.IsExact(Parse(amount), currency));

    [Theory]
    [InlineData("XXX")]
    [InlineData("usd")]
    [InlineData("")]
    public void UnsupportedCode_IsRefusedByEveryOperation(string currency)
    {
        Assert.False(Currencies.IsSupported(currency));
        Assert.Throws<ArgumentException>(() => Currencies.DigitsOf(currency));
        Assert.Throws<ArgumentException>(() => Currencies.Round(1m, currency));
        Assert.Throws<ArgumentException>(() => Currencies.IsExact(1m, currency));
    }

    [Fact]
    public void IsSupported_Null_IsFalse() => Assert.False(Currencies.IsSupported(null));

    private static decimal Parse(string amount) => decimal.Parse(amount, CultureInfo.InvariantCulture);
}

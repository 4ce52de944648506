using System.Globalization;
using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Orders;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Grains.Orders;
using OrderSilo.Grains.Pricing;
using OrderSilo.Grains.Tests.Catalog;
using OrderSilo.Grains.Tests.Common;
using static OrderSilo.Grains.Tests.Pricing.Carts;

namespace OrderSilo.Grains.Tests.Orders;

public sealed class VoucherIssuerTests
{
    private const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const string CodePattern = "^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$";

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 20, 51, 30, TimeSpan.Zero);

    private static PricedOrder Priced(PricingRequest request, params Product[] products)
    {
        var outcome = PriceCalculator.Price(request, products, TaxTable.Default);
        Assert.Null(outcome.Error);
        return outcome.Value!;
    }

    // A GB buyer pays VAT on single-purpose vouchers, so a voucher's amount cannot be mistaken for the price paid.
    private static Voucher IssueOne(Product product, decimal? denomination, DateTimeOffset now) =>
        Assert.Single(VoucherIssuer.Issue(Priced(Request("GB", Line(product, 1, denomination)), product), now));

    [Fact]
    public void Issue_TwoLines_GivesOneVoucherPerUnitInLineOrder()
    {
        var giftCard = TestProducts.Voucher("USD", 25m, 50m);
        var licence = TestProducts.FixedPrice(19.99m, "USD");

        var vouchers = VoucherIssuer.Issue(Priced(Request("GB", Line(giftCard, 3, 25m), Line(licence, 2)), giftCard, licence), Now);

        Assert.Equal(5, vouchers.Length);
        Assert.Equal(
            [giftCard.ProductId, giftCard.ProductId, giftCard.ProductId, licence.ProductId, licence.ProductId],
            vouchers.Select(v => v.ProductId));
        Assert.All(vouchers.Take(3), v => MoneyAssert.Equal("25.00", v.Amount));
        Assert.All(vouchers.Skip(3), v => MoneyAssert.Equal("19.99", v.Amount));
        Assert.All(vouchers, v => Assert.Equal("USD", v.Currency));
        Assert.Equal(5, vouchers.Select(v => v.Code).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Issue_Codes_AreFiveGroupsOfFourCarryingOneHundredRandomBits()
    {
        var giftCard = TestProducts.Voucher("USD", 10m);

        var vouchers = VoucherIssuer.Issue(Priced(Request("US", Line(giftCard, 10, 10m)), giftCard), Now);

        Assert.Equal(32, CodeAlphabet.Distinct().Count());
        Assert.All(vouchers, voucher =>
        {
            Assert.Matches(CodePattern, voucher.Code);
            var symbols = voucher.Code.Replace("-", "", StringComparison.Ordinal);
            Assert.Equal(100, symbols.Length * Math.Log2(CodeAlphabet.Length));
        });
    }

    [Fact]
    public void Issue_TenThousandVouchers_HaveUniqueCodesSpreadOverTheWholeAlphabet()
    {
        var giftCard = TestProducts.Voucher("USD", 10m);
        var priced = Priced(Request("US", Line(giftCard, 10, 10m)), giftCard);

        var vouchers = Enumerable.Range(0, 1000).SelectMany(_ => VoucherIssuer.Issue(priced, Now)).ToList();

        Assert.Equal(10_000, vouchers.Select(v => v.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(10_000, vouchers.Select(v => v.VoucherId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(vouchers, v => Assert.StartsWith("vch_", v.VoucherId, StringComparison.Ordinal));
        // 200,000 symbols: each of the 32 is expected 6,250 times (σ ≈ 78); a skewed or shrunk alphabet falls outside.
        var counts = vouchers.SelectMany(v => v.Code.Replace("-", "", StringComparison.Ordinal)).CountBy(c => c).ToDictionary();
        Assert.Equal(CodeAlphabet.Order(), counts.Keys.Order());
        Assert.All(counts, pair => Assert.InRange(pair.Value, 5_500, 7_000));
    }

    [Theory]
    [InlineData("code", false, false)]
    [InlineData("codePin", true, false)]
    [InlineData("url", false, true)]
    [InlineData("urlPin", true, true)]
    public void Issue_VoucherType_DecidesWhetherThereIsAPinAndAUrl(string voucherType, bool hasPin, bool hasUrl)
    {
        var giftCard = TestProducts.Voucher("USD", 10m) with { VoucherType = voucherType };

        var vouchers = VoucherIssuer.Issue(Priced(Request("US", Line(giftCard, 5, 10m)), giftCard), Now);

        Assert.All(vouchers, voucher =>
        {
            Assert.Equal(voucherType, voucher.Type);
            if (hasPin)
                Assert.Matches("^[0-9]{8}$", voucher.Pin);
            else
                Assert.Null(voucher.Pin);
            if (hasUrl)
            {
                Assert.True(Uri.TryCreate(voucher.Url, UriKind.Absolute, out var url), $"'{voucher.Url}' is not an absolute URL");
                Assert.Equal(Uri.UriSchemeHttps, url.Scheme);
                Assert.EndsWith(voucher.Code.Replace("-", "", StringComparison.Ordinal), voucher.Url, StringComparison.Ordinal);
            }
            else
            {
                Assert.Null(voucher.Url);
            }
        });
    }

    [Fact]
    public void Issue_Pins_AreRandom()
    {
        var giftCard = TestProducts.Voucher("USD", 10m) with { VoucherType = "codePin" };
        var priced = Priced(Request("US", Line(giftCard, 10, 10m)), giftCard);

        var pins = Enumerable.Range(0, 100).SelectMany(_ => VoucherIssuer.Issue(priced, Now)).Select(v => v.Pin).ToList();

        // 1,000 pins out of 10⁸: more than a handful of repeats means they are not random.
        Assert.True(pins.Distinct(StringComparer.Ordinal).Count() >= 990, "8-digit pins repeat far more than chance allows");
    }

    [Fact]
    public void Issue_ProductWithoutVoucherType_IssuesPlainCodes()
    {
        var giftCard = TestProducts.Voucher("USD", 10m) with { VoucherType = null };

        var voucher = IssueOne(giftCard, 10m, Now);

        Assert.Equal("code", voucher.Type);
        Assert.Null(voucher.Pin);
        Assert.Null(voucher.Url);
    }

    [Theory]
    [InlineData("USD", "25", "25.00")]
    [InlineData("JPY", "500", "500")]
    [InlineData("KWD", "1.25", "1.250")]
    public void Issue_Amount_IsTheDenominationInTheOrdersCurrency(string currency, string denomination, string expected)
    {
        var value = decimal.Parse(denomination, CultureInfo.InvariantCulture);
        var giftCard = TestProducts.Voucher(currency, value);

        var voucher = IssueOne(giftCard, value, Now);

        MoneyAssert.Equal(expected, voucher.Amount);
        Assert.Equal(currency, voucher.Currency);
    }

    [Fact]
    public void Issue_OpenValueVoucher_IsWorthTheChosenValue()
    {
        var giftCard = TestProducts.OpenValue("EUR", 5m, 500m);

        var voucher = IssueOne(giftCard, 42.5m, Now);

        MoneyAssert.Equal("42.50", voucher.Amount);
        Assert.Equal("EUR", voucher.Currency);
    }

    [Theory]
    [InlineData(365, 2027, 11, 23)]
    [InlineData(30, 2026, 12, 23)]
    [InlineData(1, 2026, 11, 24)]
    public void Issue_Validity_IsTheIssueDatePlusTheProductsValidityDays(int validityDays, int year, int month, int day)
    {
        var giftCard = TestProducts.Voucher("USD", 10m) with { ValidityDays = validityDays };

        var voucher = IssueOne(giftCard, 10m, Now);

        Assert.Equal(new DateOnly(year, month, day), voucher.Validity);
    }

    [Fact]
    public void Issue_Validity_CountsFromTheUtcDate()
    {
        var giftCard = TestProducts.Voucher("USD", 10m) with { ValidityDays = 30 };
        var lateEveningInNewYork = new DateTimeOffset(2026, 11, 23, 22, 30, 0, TimeSpan.FromHours(-5));   // 03:30 UTC on the 24th

        var voucher = IssueOne(giftCard, 10m, lateEveningInNewYork);

        Assert.Equal(new DateOnly(2026, 12, 24), voucher.Validity);
    }
}

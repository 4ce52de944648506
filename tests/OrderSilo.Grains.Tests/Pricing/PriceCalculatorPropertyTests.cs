using System.Globalization;
using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Grains.Catalog;
using OrderSilo.Grains.Pricing;
using OrderSilo.Grains.Tests.Catalog;

namespace OrderSilo.Grains.Tests.Pricing;

/// <summary>
/// Random carts from fixed seeds: a failure names its seed, and <see cref="Cart"/> with that seed rebuilds the cart.
/// </summary>
public sealed class PriceCalculatorPropertyTests
{
    private const int FirstSeed = 1;
    private const int Cases = 400;

    private static readonly string[] CurrencyCodes = ["USD", "JPY", "KWD"];
    private static readonly string[] Countries = ["GB", "DE", "FR", "IE", "SE", "ZA", "US", "CH", "CA", "JP", "KW"];
    private static readonly string[] TaxCategories = ["digital", "service", "voucher_single_purpose", TaxTable.MultiPurposeVoucher];
    private static readonly string[] ValueTypes = [ProductKinds.FixedDenomination, ProductKinds.OpenValue, ProductKinds.FixedPrice];

    // Rates with fractions of a percent reach roundings the default table's whole percents do not.
    private static readonly TaxTable FractionalRates = new(new Dictionary<string, decimal>
    {
        ["GB"] = 20m, ["DE"] = 19m, ["CH"] = 8.1m, ["US"] = 8.875m, ["CA"] = 14.975m, ["IE"] = 13.5m, ["SE"] = 12.5m,
    });

    [Fact]
    public void Price_RandomCarts_EveryLineIsExactInTheCurrencyAndTotalsAreSumsOfLines()
    {
        for (var seed = FirstSeed; seed < FirstSeed + Cases; seed++)
        {
            var (request, products, taxes) = Cart(seed);
            var outcome = PriceCalculator.Price(request, products, taxes);
            if (outcome.Failed)
                Assert.Fail($"Seed {seed}: a valid cart was refused: {outcome.Error}");

            var violations = Violations(request, products, taxes, outcome.Value!).ToList();
            if (violations.Count > 0)
                Assert.Fail($"Seed {seed} ({request.BuyerCountry}, {products[0]?.Currency}):\n  " + string.Join("\n  ", violations));
        }
    }

    private static (PricingRequest Request, Product?[] Products, TaxTable Taxes) Cart(int seed)
    {
        var random = new Random(seed);
        var currency = CurrencyCodes[random.Next(CurrencyCodes.Length)];
        var country = Countries[random.Next(Countries.Length)];
        var taxes = random.Next(2) == 0 ? TaxTable.Default : FractionalRates;
        var count = random.Next(1, 6);
        var products = new Product?[count];
        var lines = new OrderLineRequest[count];
        for (var i = 0; i < count; i++)
        {
            var (product, denomination) = ValueTypes[random.Next(ValueTypes.Length)] switch
            {
                ProductKinds.FixedDenomination => Denominated(random, currency),
                ProductKinds.OpenValue => OpenValue(random, currency),
                _ => FixedPrice(random, currency),
            };
            product = ProductRules.Normalize(product with
            {
                TaxCategory = TaxCategories[random.Next(TaxCategories.Length)],
                OrderQuantityLimit = random.Next(1, 21),
            });
            products[i] = product;
            // Clients may send 25 for a 25.00 denomination: both are the same value.
            if (denomination is { } d && random.Next(2) == 0)
                denomination = decimal.Parse(d.ToString("0.###", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            lines[i] = new OrderLineRequest(product.ProductId, random.Next(1, product.OrderQuantityLimit + 1), denomination);
        }
        return (new PricingRequest(country, random.Next(2) == 0 ? null : currency, [.. lines], HasRecipientPhone: false), products, taxes);
    }

    private static (Product, decimal?) Denominated(Random random, string currency)
    {
        var denominations = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Amount(random, currency, 1, 500)).ToArray();
        var product = TestProducts.Voucher(currency, denominations);
        return (product, denominations[random.Next(denominations.Length)]);
    }

    private static (Product, decimal?) OpenValue(Random random, string currency)
    {
        var min = Amount(random, currency, 1, 50);
        var max = Amount(random, currency, 50, 1000);
        return (TestProducts.OpenValue(currency, min, max), Amount(random, currency, min, max));
    }

    private static (Product, decimal?) FixedPrice(Random random, string currency)
    {
        var unitCost = Amount(random, currency, 0, 2000);
        return (TestProducts.FixedPrice(unitCost, currency), random.Next(4) == 0 ? unitCost : null);
    }

    /// <summary>A random amount from <paramref name="min"/> to <paramref name="max"/> in whole minor units.</summary>
    private static decimal Amount(Random random, string currency, decimal min, decimal max)
    {
        var digits = Currencies.DigitsOf(currency);
        var unitsPerMajor = (long)Math.Pow(10, digits);
        var units = random.NextInt64((long)(min * unitsPerMajor), (long)(max * unitsPerMajor) + 1);
        return new decimal(units) / unitsPerMajor;
    }

    private static IEnumerable<string> Violations(PricingRequest request, Product?[] products, TaxTable taxes, PricedOrder priced)
    {
        var currency = products[0]!.Currency;
        var digits = Currencies.DigitsOf(currency);
        var halfMinorUnit = 0.5m / (decimal)Math.Pow(10, digits);
        if (priced.Currency != currency)
            yield return $"currency is {priced.Currency}, not {currency}";
        if (priced.LineItems.Length != request.LineItems.Length)
            yield return $"{priced.LineItems.Length} lines for {request.LineItems.Length} requested";

        for (var i = 0; i < priced.LineItems.Length; i++)
        {
            var line = priced.LineItems[i];
            var at = $"lineItems[{i}]";
            foreach (var (name, amount) in Amounts(line))
            {
                if (amount.Scale != digits)
                    yield return $"{at}.{name} = {amount} has {amount.Scale} decimals, {currency} has {digits}";
                if (amount < 0)
                    yield return $"{at}.{name} = {amount} is negative";
            }
            if (line.Denomination is { } denomination && (denomination.Scale != digits || denomination != request.LineItems[i].Denomination))
                yield return $"{at}.denomination = {denomination} for {request.LineItems[i].Denomination} requested";
            if (line.Quantity != request.LineItems[i].Quantity)
                yield return $"{at}.quantity = {line.Quantity}, {request.LineItems[i].Quantity} requested";
            if (line.NetPrice != line.UnitNetPrice * line.Quantity)
                yield return $"{at}.netPrice = {line.NetPrice} is not {line.UnitNetPrice} × {line.Quantity}";
            if (line.NetDiscountedPrice != line.NetPrice - line.Discount)
                yield return $"{at}.netDiscountedPrice = {line.NetDiscountedPrice} is not {line.NetPrice} - {line.Discount}";
            if (line.GrossDiscountedPrice != line.NetDiscountedPrice + line.Vat)
                yield return $"{at}.grossDiscountedPrice = {line.GrossDiscountedPrice} is not {line.NetDiscountedPrice} + {line.Vat}";
            var expectedPercent = taxes.PercentFor(request.BuyerCountry, products[i]!.TaxCategory);
            if (line.VatPercent != expectedPercent)
                yield return $"{at}.vatPercent = {line.VatPercent}, the table says {expectedPercent}";
            var exactVat = line.NetDiscountedPrice * line.VatPercent / 100m;
            if (Math.Abs(line.Vat - exactVat) > halfMinorUnit)
                yield return $"{at}.vat = {line.Vat} is more than half a minor unit from {exactVat}";
            var exactGross = line.NetPrice * (100m + line.VatPercent) / 100m;
            if (Math.Abs(line.GrossPrice - exactGross) > halfMinorUnit)
                yield return $"{at}.grossPrice = {line.GrossPrice} is more than half a minor unit from {exactGross}";
        }

        var totals = priced.Totals;
        (string Name, decimal Total, Func<OrderLine, decimal> OfLine)[] sums =
        [
            ("netPrice", totals.NetPrice, l => l.NetPrice),
            ("discount", totals.Discount, l => l.Discount),
            ("netDiscountedPrice", totals.NetDiscountedPrice, l => l.NetDiscountedPrice),
            ("vat", totals.Vat, l => l.Vat),
            ("grossPrice", totals.GrossPrice, l => l.GrossPrice),
            ("grossDiscountedPrice", totals.GrossDiscountedPrice, l => l.GrossDiscountedPrice),
            ("affiliateCommission", totals.AffiliateCommission, l => l.AffiliateCommission),
            ("amountTotal", totals.AmountTotal, l => l.GrossDiscountedPrice),
        ];
        foreach (var (name, total, ofLine) in sums)
        {
            var sum = priced.LineItems.Sum(ofLine);
            if (total != sum)
                yield return $"totals.{name} = {total}, the lines sum to {sum}";
            if (total.Scale != digits)
                yield return $"totals.{name} = {total} has {total.Scale} decimals, {currency} has {digits}";
            if (total < 0)
                yield return $"totals.{name} = {total} is negative";
        }
    }

    private static IEnumerable<(string Name, decimal Amount)> Amounts(OrderLine line) =>
    [
        ("unitNetPrice", line.UnitNetPrice),
        ("unitDiscount", line.UnitDiscount),
        ("unitVat", line.UnitVat),
        ("netPrice", line.NetPrice),
        ("discount", line.Discount),
        ("netDiscountedPrice", line.NetDiscountedPrice),
        ("vat", line.Vat),
        ("grossPrice", line.GrossPrice),
        ("grossDiscountedPrice", line.GrossDiscountedPrice),
        ("affiliateCommission", line.AffiliateCommission),
    ];
}

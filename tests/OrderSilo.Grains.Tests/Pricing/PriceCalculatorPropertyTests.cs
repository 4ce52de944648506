using System.Collections.Immutable;
using CsCheck;
using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Contracts.Promotions;
using OrderSilo.Grains.Catalog;
using OrderSilo.Grains.Pricing;
using OrderSilo.Grains.Tests.Catalog;

namespace OrderSilo.Grains.Tests.Pricing;

/// <summary>
/// Random carts, price lists and promotions (CsCheck, which shrinks a failure to a small cart and prints its seed):
/// the money rules of docs/pricing.md hold for every one of them.
/// </summary>
public sealed class PriceCalculatorPropertyTests
{
    private const int Iterations = 2_000;

    private static readonly string[] CurrencyCodes = ["USD", "EUR", "GBP", "JPY", "KWD", "ZAR"];
    private static readonly string[] Countries = ["GB", "DE", "FR", "IE", "SE", "ZA", "US", "CH", "CA", "JP", "KW"];
    private static readonly string[] TaxCategories = ["digital", "service", "voucher_single_purpose", TaxTable.MultiPurposeVoucher];

    // Rates with fractions of a percent reach roundings the default table's whole percents do not.
    private static readonly TaxTable FractionalRates = new(new Dictionary<string, decimal>
    {
        ["GB"] = 20m, ["DE"] = 19m, ["CH"] = 8.1m, ["US"] = 8.875m, ["CA"] = 14.975m, ["IE"] = 13.5m, ["SE"] = 12.5m,
    });

    /// <summary>A random cart with everything it is priced with.</summary>
    public sealed record Cart(PricingRequest Request, PricingInputs Inputs, string Currency)
    {
        public override string ToString() =>
            $"{Request.BuyerCountry} {Currency}: {string.Join(", ", Request.LineItems.Select((l, i) => $"{l.Quantity} × {Inputs.Products[i]!.ValueType} {l.Denomination?.ToString() ?? Inputs.Products[i]!.UnitCost?.ToString()} ({Inputs.Products[i]!.TaxCategory})"))}; "
                + string.Join(", ", Inputs.InstantPromotions.Select(p => $"{p.Type} {p.Discount!.Type} {p.Discount.Value}{p.Discount.Values.FirstOrDefault()?.Amount} max {p.MaximumQuantity} on {p.ProductIds.Length}"));
    }

    [Fact]
    public void Price_RandomCarts_KeepEveryMoneyRule()
    {
        Carts().Sample(cart =>
        {
            var outcome = PriceCalculator.Price(cart.Request, cart.Inputs);
            if (outcome.Failed)
                throw new InvalidOperationException($"A valid cart was refused: {outcome.Error}");
            var violations = Violations(cart, outcome.Value!).ToList();
            if (violations.Count > 0)
                throw new InvalidOperationException(string.Join("\n  ", violations));
        }, iter: Iterations);
    }

    [Fact]
    public void Price_RandomCartsAtAHundredPercentOff_CostExactlyZero()
    {
        var hundredPercent = Gen.OneOf(PromotionKinds.Regular, PromotionKinds.Order, PromotionKinds.Global).Select(type => new Promotion
        {
            Code = "ALL-OFF",
            Name = "Everything free",
            Type = type,
            InstantDiscount = true,
            Discount = new PromotionDiscount { Type = PromotionKinds.Percent, Value = 100m },
        });
        Gen.Select(Carts(), hundredPercent).Sample((cart, promotion) =>
        {
            var priced = PriceCalculator.Price(cart.Request, cart.Inputs with { InstantPromotions = [promotion] }).Value!;
            Assert.Equal(0m, priced.Totals.AmountTotal);
            Assert.Equal(0m, priced.Totals.Vat);
            Assert.Equal(priced.Totals.NetPrice, priced.Totals.Discount);
            Assert.All(priced.LineItems, l => Assert.Equal(0m, l.GrossDiscountedPrice));
        }, iter: Iterations / 4);
    }

    private static Gen<Cart> Carts() =>
        from currency in Gen.OneOf(CurrencyCodes)
        from country in Gen.OneOf(Countries)
        from fractional in Gen.Bool
        from lines in Line(currency).Array[1, 6]
        from promotions in Promotion(currency, lines.Select(l => l.Product).ToArray()).Array[0, 3]
        from listDiscount in Gen.Int[0, 40]
        from requestCurrency in Gen.Bool
        select new Cart(
            new PricingRequest(country, requestCurrency ? currency : null, [.. lines.Select(l => l.Line)], HasRecipientPhone: false),
            new PricingInputs
            {
                Products = [.. lines.Select(l => l.Product)],
                // A price-list discount leaves digits below the minor unit in the unit price of vouchers.
                PriceList = listDiscount == 0 ? null : lines.ToDictionary(l => l.Product.ProductId, l => new PriceListEntry(l.Product.ProductId, null, listDiscount / 4m)),
                InstantPromotions = promotions,
                Taxes = fractional ? FractionalRates : TaxTable.Default,
                Now = TestPromotions.Now,
            },
            currency);

    private static Gen<(Product Product, OrderLineRequest Line)> Line(string currency) =>
        from valueType in Gen.OneOf(ProductKinds.FixedDenomination, ProductKinds.OpenValue, ProductKinds.FixedPrice)
        from amount in Amount(currency, 1, 500)
        from category in Gen.OneOf(TaxCategories)
        from limit in Gen.Int[1, 20]
        from quantity in Gen.Int[1, 20]
        from commission in Gen.Int[0, 30]
        let product = ProductRules.Normalize((valueType switch
        {
            ProductKinds.FixedDenomination => TestProducts.Voucher(currency, amount),
            ProductKinds.OpenValue => TestProducts.OpenValue(currency, amount, amount * 2),
            _ => TestProducts.FixedPrice(amount, currency),
        }) with { TaxCategory = category, OrderQuantityLimit = limit, AffiliateCommissionPercent = commission / 2m })
        select (product, new OrderLineRequest(product.ProductId, Math.Min(quantity, limit), valueType == ProductKinds.FixedPrice ? null : amount));

    private static Gen<Promotion> Promotion(string currency, Product[] products) =>
        from type in Gen.OneOf(PromotionKinds.Regular, PromotionKinds.Order, PromotionKinds.Global)
        from percent in Gen.Bool
        from value in Gen.Int[0, 10_000]
        from amount in Amount(currency, 0.01m, 300)
        from maximum in Gen.Int[0, 12]
        from minimum in Gen.Int[1, 5]
        from covered in Gen.Bool.Array[products.Length]
        select new Promotion
        {
            Code = $"P{type}{value}",
            Name = "Random",
            Type = type,
            InstantDiscount = true,
            MaximumQuantity = type == PromotionKinds.Global || maximum == 0 ? null : maximum,
            MinimumQuantity = type == PromotionKinds.Order ? minimum : null,
            ProductIds = [.. products.Where((_, i) => covered[i]).Select(p => p.ProductId)],
            Discount = percent
                ? new PromotionDiscount { Type = PromotionKinds.Percent, Value = value / 100m }
                : new PromotionDiscount { Type = PromotionKinds.Fixed, Values = [new CurrencyAmount(currency, amount)], DefaultCurrency = currency },
        };

    /// <summary>An amount from <paramref name="min"/> to <paramref name="max"/> in whole minor units.</summary>
    private static Gen<decimal> Amount(string currency, decimal min, decimal max)
    {
        var unit = currency switch { "JPY" => 1m, "KWD" => 1000m, _ => 100m };
        return Gen.Long[(long)(min * unit), (long)(max * unit)].Select(units => Currencies.Round(units / unit, currency));
    }

    private static IEnumerable<string> Violations(Cart cart, PricedOrder priced)
    {
        var (request, currency) = (cart.Request, cart.Currency);
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
            if (line.Quantity != request.LineItems[i].Quantity)
                yield return $"{at}.quantity = {line.Quantity}, {request.LineItems[i].Quantity} requested";
            if (Math.Abs(line.NetPrice - line.UnitNetPriceRaw * line.Quantity) > halfMinorUnit)
                yield return $"{at}.netPrice = {line.NetPrice} is more than half a minor unit from {line.UnitNetPriceRaw} × {line.Quantity}";
            var lineDiscount = line.Discount - line.OrderDiscount;
            if (Math.Abs(lineDiscount - line.UnitDiscountRaw * line.DiscountedQuantity) > halfMinorUnit)
                yield return $"{at}: the line promotion's {lineDiscount} is more than half a minor unit from {line.UnitDiscountRaw} × {line.DiscountedQuantity}";
            if (line.DiscountedQuantity > line.Quantity)
                yield return $"{at}: {line.DiscountedQuantity} units discounted of {line.Quantity}";
            if (line.NetDiscountedPrice != line.NetPrice - line.Discount)
                yield return $"{at}.netDiscountedPrice = {line.NetDiscountedPrice} is not {line.NetPrice} - {line.Discount}";
            if (line.GrossDiscountedPrice != line.NetDiscountedPrice + line.Vat)
                yield return $"{at}.grossDiscountedPrice = {line.GrossDiscountedPrice} is not {line.NetDiscountedPrice} + {line.Vat}";
            var expectedPercent = cart.Inputs.Taxes.PercentFor(request.BuyerCountry, cart.Inputs.Products[i]!.TaxCategory);
            if (line.VatPercent != expectedPercent)
                yield return $"{at}.vatPercent = {line.VatPercent}, the table says {expectedPercent}";
            if (Math.Abs(line.Vat - line.NetDiscountedPrice * line.VatPercent / 100m) > halfMinorUnit)
                yield return $"{at}.vat = {line.Vat} is more than half a minor unit from {line.NetDiscountedPrice} × {line.VatPercent} %";
            if (Math.Abs(line.GrossPrice - line.NetPrice * (100m + line.VatPercent) / 100m) > halfMinorUnit)
                yield return $"{at}.grossPrice = {line.GrossPrice} is more than half a minor unit from {line.NetPrice} × (100 + {line.VatPercent}) %";
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
        if (priced.Promotions.Sum(p => p.Discount) != totals.Discount)
            yield return $"the promotions' discounts sum to {priced.Promotions.Sum(p => p.Discount)}, the order's discount is {totals.Discount}";
        if (priced.Promotions.Count(p => p.Type == PromotionKinds.Global) > 1)
            yield return "more than one order promotion applied";
    }

    private static ImmutableArray<(string Name, decimal Amount)> Amounts(OrderLine line) =>
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
        ("orderDiscount", line.OrderDiscount),
    ];
}

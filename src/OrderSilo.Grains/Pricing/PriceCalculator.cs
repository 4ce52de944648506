using System.Collections.Immutable;
using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Contracts.Pricing;

namespace OrderSilo.Grains.Pricing;

/// <summary>
/// Prices a validated cart (docs/pricing.md): each line is rounded to the currency's minor unit, half away from
/// zero; VAT is charged on the discounted net; the order's totals are the exact sums of its lines.
/// </summary>
public static class PriceCalculator
{
    public static Outcome<PricedOrder> Price(PricingRequest request, IReadOnlyList<Product?> listProducts, TaxTable taxes)
    {
        var products = listProducts.Select(p => p is null ? null : PriceListRules.Effective(p, request.PriceList)).ToList();
        if (CartRules.Check(request, products, out var currency) is { } error)
            return Outcome<PricedOrder>.Fail(error);

        var lines = ImmutableArray.CreateBuilder<OrderLine>(request.LineItems.Length);
        for (var i = 0; i < request.LineItems.Length; i++)
            lines.Add(PriceLine(request.LineItems[i], products[i]!, request.BuyerCountry, currency, taxes));
        var priced = lines.MoveToImmutable();
        return Outcome<PricedOrder>.Ok(new PricedOrder(currency, priced, Sum(priced), [.. products.Select(p => p!)]));
    }

    private static OrderLine PriceLine(OrderLineRequest line, Product product, string country, string currency, TaxTable taxes)
    {
        decimal Round(decimal amount) => Currencies.Round(amount, currency);
        var vatPercent = taxes.PercentFor(country, product.TaxCategory);
        var unitNet = CartRules.UnitNetPrice(product, line);
        var netPrice = Round(unitNet * line.Quantity);
        var discount = Round(0m);
        var netDiscounted = netPrice - discount;
        var vat = Round(netDiscounted * vatPercent / 100m);
        return new OrderLine
        {
            ProductId = product.ProductId,
            ProductName = product.Name,
            Denomination = line.Denomination is { } d ? Round(d) : null,
            Quantity = line.Quantity,
            UnitNetPrice = Round(unitNet),
            UnitDiscount = Round(0m),
            UnitVat = Round(unitNet * vatPercent / 100m),
            NetPrice = netPrice,
            Discount = discount,
            NetDiscountedPrice = netDiscounted,
            Vat = vat,
            VatPercent = vatPercent,
            GrossPrice = netPrice + Round(netPrice * vatPercent / 100m),
            GrossDiscountedPrice = netDiscounted + vat,
            AffiliateCommission = Round(0m),
        };
    }

    private static OrderTotals Sum(ImmutableArray<OrderLine> lines) => new()
    {
        NetPrice = lines.Sum(l => l.NetPrice),
        Discount = lines.Sum(l => l.Discount),
        NetDiscountedPrice = lines.Sum(l => l.NetDiscountedPrice),
        Vat = lines.Sum(l => l.Vat),
        GrossPrice = lines.Sum(l => l.GrossPrice),
        GrossDiscountedPrice = lines.Sum(l => l.GrossDiscountedPrice),
        AffiliateCommission = lines.Sum(l => l.AffiliateCommission),
        AmountTotal = lines.Sum(l => l.GrossDiscountedPrice),
    };
}

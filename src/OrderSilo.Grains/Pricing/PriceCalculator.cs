using System.Collections.Immutable;
using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Contracts.Promotions;
using OrderSilo.Grains.Promotions;

namespace OrderSilo.Grains.Pricing;

/// <summary>
/// Prices a cart (docs/pricing.md): each line is rounded to the currency's minor unit, half away from zero; one line
/// promotion per line, then one order promotion shared out over its lines by largest remainder; VAT and affiliate
/// commission on the discounted net; the order's totals are the exact sums of its lines.
/// </summary>
public static class PriceCalculator
{
    public static Outcome<PricedOrder> Price(PricingRequest request, IReadOnlyList<Product?> listProducts, TaxTable taxes) =>
        Price(request, new PricingInputs { Products = listProducts, Taxes = taxes });

    public static Outcome<PricedOrder> Price(PricingRequest request, PricingInputs inputs)
    {
        var products = inputs.Products.Select(p => p is null ? null : PriceListRules.Effective(p, inputs.PriceList)).ToList();
        if (CartRules.Check(request, products, out var currency) is { } error)
            return Outcome<PricedOrder>.Fail(error);

        var lines = new LineWork[request.LineItems.Length];
        for (var i = 0; i < lines.Length; i++)
            lines[i] = new LineWork(request.LineItems[i], products[i]!, currency);
        var selection = PromotionSelection.For(request, inputs, currency);
        ApplyLinePromotions(lines, selection.Candidates, currency);
        var global = ApplyOrderPromotion(lines, selection.Candidates, currency);

        ImmutableArray<OrderLine> priced = [.. lines.Select(line => line.Finish(request.BuyerCountry, inputs.Taxes))];
        var applied = Applied(lines, global, selection.Candidates);
        var unused = selection.Coupons
            .Where(c => !applied.Any(a => a.CouponCode == c.Code))
            .Select(c => PromotionSelection.Refusal(c.Index, c.Code, "is not applicable: it gives no discount on this order's products (or another promotion gives more)"));
        return Outcome<PricedOrder>.Ok(new PricedOrder(currency, priced, Sum(priced), [.. products.Select(p => p!)])
        {
            Promotions = applied,
            Errors = [.. selection.Errors.Concat(unused).OrderBy(e => e.Field, StringComparer.Ordinal)],
        });
    }

    /// <summary>
    /// Line promotions (REGULAR, ORDER) do not stack: line by line, in order, each line gets the one that takes the
    /// most off it. A promotion's maximum quantity is a budget of units for the whole order, spent as it wins lines.
    /// </summary>
    private static void ApplyLinePromotions(LineWork[] lines, ImmutableArray<PromotionSelection.Candidate> candidates, string currency)
    {
        var budgets = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            var promotion = candidate.Promotion;
            if (promotion.Type == PromotionKinds.Global)
                continue;
            var units = lines.Where(l => PromotionRules.AppliesTo(promotion, l.Product.ProductId)).Sum(l => l.Request.Quantity);
            if (promotion.Type == PromotionKinds.Order && units < (promotion.MinimumQuantity ?? 1))
                continue;
            budgets[promotion.Code] = promotion.MaximumQuantity ?? int.MaxValue;
        }
        foreach (var line in lines)
        {
            (Promotion Promotion, int Units, decimal UnitRaw, decimal Discount)? best = null;
            foreach (var candidate in candidates)
            {
                var promotion = candidate.Promotion;
                if (!budgets.TryGetValue(promotion.Code, out var budget) || !PromotionRules.AppliesTo(promotion, line.Product.ProductId))
                    continue;
                var units = Math.Min(line.Request.Quantity, budget);
                var unitRaw = DiscountRules.UnitDiscountRaw(promotion.Discount!, line.UnitNetRaw, currency);
                var discount = Math.Min(Currencies.Round(unitRaw * units, currency), line.NetPrice);
                if (units > 0 && discount > (best?.Discount ?? 0m))
                    best = (promotion, units, unitRaw, discount);
            }
            if (best is { } won)
            {
                budgets[won.Promotion.Code] -= won.Units;
                (line.LinePromotion, line.DiscountedQuantity, line.UnitDiscountRaw, line.LineDiscount) = won;
            }
        }
    }

    /// <summary>
    /// Order promotions (GLOBAL) do not stack either: the one that takes the most off applies, on what the line
    /// promotions left of its lines, shared out over them in proportion by largest remainder.
    /// </summary>
    private static (Promotion Promotion, decimal Discount)? ApplyOrderPromotion(LineWork[] lines, ImmutableArray<PromotionSelection.Candidate> candidates, string currency)
    {
        (Promotion Promotion, decimal Discount)? best = null;
        foreach (var candidate in candidates.Where(c => c.Promotion.Type == PromotionKinds.Global))
        {
            var discountable = lines.Where(l => PromotionRules.AppliesTo(candidate.Promotion, l.Product.ProductId)).Sum(l => l.NetPrice - l.LineDiscount);
            var discount = DiscountRules.OrderDiscount(candidate.Promotion.Discount!, discountable, currency);
            if (discount > (best?.Discount ?? 0m))
                best = (candidate.Promotion, discount);
        }
        if (best is not { } won)
            return null;
        var eligible = lines.Where(l => PromotionRules.AppliesTo(won.Promotion, l.Product.ProductId)).ToList();
        var shares = DiscountRules.Allocate(won.Discount, [.. eligible.Select(l => l.NetPrice - l.LineDiscount)], currency);
        for (var i = 0; i < eligible.Count; i++)
            eligible[i].OrderDiscount = shares[i];
        return won;
    }

    private static ImmutableArray<AppliedPromotion> Applied(LineWork[] lines, (Promotion Promotion, decimal Discount)? global, ImmutableArray<PromotionSelection.Candidate> candidates)
    {
        string? CouponOf(Promotion promotion) => candidates.First(c => c.Promotion.Code == promotion.Code).Coupon;
        var applied = lines.Where(l => l.LinePromotion is not null)
            .GroupBy(l => l.LinePromotion!.Code, StringComparer.Ordinal)
            .Select(g => Describe(g.First().LinePromotion!, g.Sum(l => l.LineDiscount), CouponOf(g.First().LinePromotion!)))
            .ToList();
        if (global is { } order)
            applied.Add(Describe(order.Promotion, order.Discount, CouponOf(order.Promotion)));
        return [.. applied];
    }

    private static AppliedPromotion Describe(Promotion promotion, decimal discount, string? coupon) =>
        new(promotion.Code, promotion.Name, discount) { Type = promotion.Type, CouponCode = coupon };

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

    /// <summary>One line while it is priced: its net first, then its discounts, then the rest.</summary>
    private sealed class LineWork(OrderLineRequest request, Product product, string currency)
    {
        public OrderLineRequest Request { get; } = request;
        public Product Product { get; } = product;
        public decimal UnitNetRaw { get; } = CartRules.UnitNetPrice(product, request);
        public decimal NetPrice => Currencies.Round(UnitNetRaw * Request.Quantity, currency);
        public Promotion? LinePromotion { get; set; }
        public int DiscountedQuantity { get; set; }
        public decimal UnitDiscountRaw { get; set; }
        public decimal LineDiscount { get; set; }
        public decimal OrderDiscount { get; set; }

        public OrderLine Finish(string country, TaxTable taxes)
        {
            decimal Round(decimal amount) => Currencies.Round(amount, currency);
            var vatPercent = taxes.PercentFor(country, Product.TaxCategory);
            var netPrice = NetPrice;
            var discount = Round(LineDiscount + OrderDiscount);
            var netDiscounted = netPrice - discount;
            var vat = Round(netDiscounted * vatPercent / 100m);
            return new OrderLine
            {
                ProductId = Product.ProductId,
                ProductName = Product.Name,
                Denomination = Request.Denomination is { } d ? Round(d) : null,
                Quantity = Request.Quantity,
                UnitNetPrice = Round(UnitNetRaw),
                UnitDiscount = Round(UnitDiscountRaw),
                UnitVat = Round(UnitNetRaw * vatPercent / 100m),
                NetPrice = netPrice,
                Discount = discount,
                NetDiscountedPrice = netDiscounted,
                Vat = vat,
                VatPercent = vatPercent,
                GrossPrice = netPrice + Round(netPrice * vatPercent / 100m),
                GrossDiscountedPrice = netDiscounted + vat,
                AffiliateCommission = Round(netDiscounted * (Product.AffiliateCommissionPercent ?? 0m) / 100m),
                UnitNetPriceRaw = UnitNetRaw,
                UnitDiscountRaw = UnitDiscountRaw,
                DiscountedQuantity = DiscountedQuantity,
                PromotionCode = LinePromotion?.Code,
                OrderDiscount = Round(OrderDiscount),
            };
        }
    }
}

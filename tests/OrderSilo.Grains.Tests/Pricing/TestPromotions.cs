using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Promotions;

namespace OrderSilo.Grains.Tests.Pricing;

/// <summary>Builds promotions for tests: instant, enabled, unlimited; adjust the rest with <c>with</c>.</summary>
internal static class TestPromotions
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public static Promotion Percent(string type, decimal percent, params Product[] products) =>
        Make(type, products) with { Discount = new PromotionDiscount { Type = PromotionKinds.Percent, Value = percent } };

    public static Promotion Fixed(string type, string currency, decimal amount, params Product[] products) =>
        Make(type, products) with
        {
            Discount = new PromotionDiscount { Type = PromotionKinds.Fixed, Values = [new CurrencyAmount(currency, amount)], DefaultCurrency = currency },
        };

    private static Promotion Make(string type, Product[] products) => new()
    {
        Code = "P" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
        Name = $"{type} test promotion",
        Type = type,
        InstantDiscount = true,
        ProductIds = [.. products.Select(p => p.ProductId)],
    };
}

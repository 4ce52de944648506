using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Orders;
using OrderSilo.Contracts.Pricing;

namespace OrderSilo.Grains.Tests.Pricing;

/// <summary>Builds pricing requests for tests.</summary>
internal static class Carts
{
    public static OrderLineRequest Line(Product product, int quantity = 1, decimal? denomination = null) =>
        new(product.ProductId, quantity, denomination);

    public static PricingRequest Request(string buyerCountry, params OrderLineRequest[] lines) =>
        new(buyerCountry, null, [.. lines], HasRecipientPhone: false);
}

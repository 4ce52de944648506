using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Contracts.Pricing;

namespace OrderSilo.Grains.Pricing;

/// <summary>Whether a cart can be ordered: products exist, quantities, denominations, currency, phone.</summary>
public static class CartRules
{
    /// <summary>The first reason the cart cannot be ordered, or null. <paramref name="products"/> is per line.</summary>
    public static DomainError? Check(PricingRequest request, IReadOnlyList<Product?> products, out string currency)
    {
        currency = request.Currency ?? products.FirstOrDefault(p => p is not null)?.Currency ?? "";
        // The quantity limit is per order: units of one product on several lines add up.
        var units = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < request.LineItems.Length; i++)
        {
            var line = request.LineItems[i];
            var field = $"lineItems[{i}]";
            if (products[i] is not { } product)
                return new(ErrorCodes.NotFound, $"There is no product '{line.ProductId}'.", field + ".productId");
            if (product.Currency != currency)
                return new(ErrorCodes.CurrencyMismatch,
                    $"Product '{product.ProductId}' is sold in {product.Currency}, the order is in {currency}.", field + ".productId");
            var total = units[product.ProductId] = units.GetValueOrDefault(product.ProductId) + line.Quantity;
            if (total > product.OrderQuantityLimit)
                return new(ErrorCodes.QuantityLimitExceeded, total == line.Quantity
                    ? $"At most {product.OrderQuantityLimit} units of '{product.ProductId}' per order."
                    : $"At most {product.OrderQuantityLimit} units of '{product.ProductId}' per order; with this line the order's lines ask for {total}.",
                    field + ".quantity");
            if (DenominationError(product, line.Denomination) is { } detail)
                return new(ErrorCodes.InvalidDenomination, detail, field + ".denomination");
            if (product.IsPhoneNumberMandatory && !request.HasRecipientPhone)
                return new(ErrorCodes.PhoneRequired, $"Product '{product.ProductId}' needs the recipient's phone number.", "recipient.phone");
        }
        return null;
    }

    private static string? DenominationError(Product product, decimal? denomination) => (product.ValueType, denomination) switch
    {
        (ProductKinds.FixedDenomination or ProductKinds.OpenValue, null) => $"Product '{product.ProductId}' needs a denomination.",
        (ProductKinds.FixedDenomination, { } d) when !product.Denominations.Contains(d) =>
            $"Product '{product.ProductId}' offers {string.Join(", ", product.Denominations)} {product.Currency}, not {d}.",
        (ProductKinds.OpenValue, { } d) when d < product.MinValue || d > product.MaxValue || !Currencies.IsExact(d, product.Currency) =>
            $"Product '{product.ProductId}' takes a value from {product.MinValue} to {product.MaxValue} {product.Currency} in whole minor units, not {d}.",
        (ProductKinds.FixedPrice, { } d) when d != product.UnitCost =>
            $"Product '{product.ProductId}' has a fixed price of {product.UnitCost} {product.Currency}; omit the denomination.",
        _ => null,
    };

    /// <summary>
    /// The net price of one unit before discounts, not yet rounded: a voucher's denomination less the buyer's
    /// price-list discount, else the (price list's) unit cost.
    /// </summary>
    public static decimal UnitNetPrice(Product product, OrderLineRequest line) =>
        product.ValueType is ProductKinds.FixedDenomination or ProductKinds.OpenValue
            ? line.Denomination!.Value * (100m - (product.DiscountPercent ?? 0m)) / 100m
            : product.UnitCost ?? 0m;
}

using OrderSilo.Contracts.Catalog;

namespace OrderSilo.Api.Bootstrap;

/// <summary>The small voucher catalog every fresh installation starts with, so the demo tenant can order at once.</summary>
public static class DemoCatalog
{
    public static IReadOnlyList<Product> Products { get; } =
    [
        Voucher("prd_demo_amazon_us", "DEMO-AMAZON-US", "Amazon.com Gift Card (demo)", "USD", "codePin", [10m, 25m, 50m, 100m]),
        Voucher("prd_demo_spotify_gb", "DEMO-SPOTIFY-GB", "Spotify Premium (demo)", "GBP", "url", [10m, 30m, 60m]),
        Voucher("prd_demo_steam_eu", "DEMO-STEAM-EU", "Steam Wallet (demo)", "EUR", "code", []) with
        {
            ValueType = ProductKinds.OpenValue, MinValue = 5m, MaxValue = 200m,
        },
        Voucher("prd_demo_topup_us", "DEMO-TOPUP-US", "Mobile top-up (demo)", "USD", "code", [5m, 10m, 20m]) with
        {
            IsPhoneNumberMandatory = true, OrderQuantityLimit = 5,
        },
    ];

    private static Product Voucher(string id, string code, string name, string currency, string voucherType, decimal[] denominations) => new()
    {
        ProductId = id,
        Code = code,
        Name = name,
        Description = "A demonstration voucher: codes are real and unique, but redeem nowhere.",
        Kind = ProductKinds.Voucher,
        Currency = currency,
        TaxCategory = "voucher_multi_purpose",
        ValueType = ProductKinds.FixedDenomination,
        Denominations = [.. denominations],
        Delivery = ProductKinds.Realtime,
        VoucherType = voucherType,
        ValidityDays = 365,
        Terms = "Demo terms: not redeemable.",
        DeliveryTerms = "Delivered in the order response.",
    };
}

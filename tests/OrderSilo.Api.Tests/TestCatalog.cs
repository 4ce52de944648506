namespace OrderSilo.Api.Tests;

/// <summary>Products made for one test, with ids and codes no other test uses.</summary>
public static class TestCatalog
{
    public static async Task<string> PutVoucherAsync(
        ApiSession admin,
        string currency = "USD",
        string voucherType = "codePin",
        decimal[]? denominations = null,
        int quantityLimit = 10,
        bool phoneMandatory = false,
        string delivery = "realtime",
        bool requiresSavedCard = false,
        string codePrefix = "T-")
    {
        var unique = Guid.NewGuid().ToString("N")[..10];
        var productId = $"prd_t_{unique}";
        await admin.PutProductAsync(productId, new
        {
            code = $"{codePrefix}{unique}",
            name = $"Test voucher {unique}",
            kind = "voucher",
            currency,
            taxCategory = "voucher_multi_purpose",
            valueType = "fixed_denomination",
            denominations = (denominations ?? [10m, 25m]).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            orderQuantityLimit = quantityLimit,
            isPhoneNumberMandatory = phoneMandatory,
            delivery,
            requiresSavedCard,
            voucherType,
            validityDays = 30,
        });
        return productId;
    }

    public static object Order(string poNumber, string productId, int quantity = 1, object? denomination = null) => new
    {
        poNumber,
        lineItems = new[] { new { productId, quantity, denomination = denomination ?? "10.00" } },
    };

    public static string NewPoNumber() => "po-" + Guid.NewGuid().ToString("N");
}

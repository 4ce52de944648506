using System.Collections.Immutable;
using System.Text.Json;
using OrderSilo.Contracts.Orders;
using OrderSilo.Grains.Infrastructure;
using OrderSilo.Grains.Webhooks;

namespace OrderSilo.Grains.Tests.Webhooks;

public sealed class WebhookPayloadTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 0, 0, 123, TimeSpan.Zero);

    private static Order Order(int lines) => new()
    {
        OrderId = "ord_0000000000aaaaaaaaaaaaaaaa",
        PoNumber = "po-1",
        CompanyId = "co_1",
        Status = OrderStatuses.Completed,
        DeliveryStatus = OrderStatuses.Delivered,
        PaymentType = PaymentTypes.Account,
        Currency = "KWD",
        LineItems = [.. Enumerable.Range(0, lines).Select(Line)],
        Totals = new OrderTotals
        {
            NetPrice = 1.250m * lines, Discount = 0.000m, NetDiscountedPrice = 1.250m * lines, Vat = 0.000m, GrossPrice = 1.250m * lines,
            GrossDiscountedPrice = 1.250m * lines, AffiliateCommission = 0.000m, AmountTotal = 1.250m * lines,
        },
        AmountPaid = 1.250m * lines,
        CreatedAt = At,
        UpdatedAt = At,
        Version = 1,
        Metadata = ImmutableSortedDictionary<string, string>.Empty,
    };

    private static OrderLine Line(int i) => new()
    {
        ProductId = $"prd_{i}", ProductName = "Gift card", Quantity = 1, UnitNetPrice = 1.250m, UnitDiscount = 0.000m, UnitVat = 0.000m,
        NetPrice = 1.250m, Discount = 0.000m, NetDiscountedPrice = 1.250m, Vat = 0.000m, VatPercent = 0m, GrossPrice = 1.250m,
        GrossDiscountedPrice = 1.250m, AffiliateCommission = 0.000m,
    };

    private static WebhookEvent Event(Order order) =>
        new("evt_0000000000aaaaaaaaaaaaaaaa_2", "order.completed", order.OrderId, 2, JsonSerializer.Serialize(order, StateJson.Options), At);

    [Fact]
    public void Render_WritesTypeTimestampIdSequenceAndTheOrderAsTheApiShowsIt()
    {
        using var json = JsonDocument.Parse(WebhookPayload.Render(Event(Order(2)), 256 * 1024));
        var root = json.RootElement;

        Assert.Equal(["type", "timestamp", "id", "sequence", "data"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("order.completed", root.GetProperty("type").GetString());
        Assert.Equal("2026-11-24T08:00:00.123Z", root.GetProperty("timestamp").GetString());
        Assert.Equal(("evt_0000000000aaaaaaaaaaaaaaaa_2", 2), (root.GetProperty("id").GetString(), root.GetProperty("sequence").GetInt32()));
        var data = root.GetProperty("data");
        Assert.Equal("2.500", data.GetProperty("totals").GetProperty("amountTotal").GetString());
        Assert.Equal("1.250", data.GetProperty("lineItems")[1].GetProperty("unitNetPrice").GetString());
        Assert.Equal("2026-11-24T08:00:00.123Z", data.GetProperty("createdAt").GetString());
    }

    [Fact]
    public void Render_AnOrderOverTheLimit_SendsItsIdentityAndStatusOnly_MarkedTruncated()
    {
        using var json = JsonDocument.Parse(WebhookPayload.Render(Event(Order(400)), 4096));
        var root = json.RootElement;

        Assert.True(root.GetProperty("truncated").GetBoolean());
        var data = root.GetProperty("data");
        Assert.Equal(("ord_0000000000aaaaaaaaaaaaaaaa", "completed", "500.000"),
            (data.GetProperty("orderId").GetString(), data.GetProperty("status").GetString(), data.GetProperty("amountTotal").GetString()));
        Assert.False(data.TryGetProperty("lineItems", out _));
    }
}

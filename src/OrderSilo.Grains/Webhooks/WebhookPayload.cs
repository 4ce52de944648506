using System.Text.Json;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Grains.Infrastructure;

namespace OrderSilo.Grains.Webhooks;

/// <summary>
/// The body of a delivery, in the payload shape Standard Webhooks recommends:
/// <c>{"type", "timestamp", "id", "sequence", "data": {the order as GET /orders/{id} shows it}}</c>. A body over
/// the size limit carries the order's identity and status only, with <c>"truncated": true</c>: fetch the order.
/// </summary>
public static class WebhookPayload
{
    public static byte[] Render(WebhookEvent webhookEvent, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        var order = JsonSerializer.Deserialize<Order>(webhookEvent.OrderJson, StateJson.Options)
            ?? throw new JsonException($"Event {webhookEvent.EventId} has no order.");
        var full = Write(webhookEvent, order, truncated: false);
        return full.Length <= maxBytes ? full : Write(webhookEvent, order, truncated: true);
    }

    private static byte[] Write(WebhookEvent webhookEvent, Order order, bool truncated)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", webhookEvent.Type);
            writer.WritePropertyName("timestamp");
            JsonSerializer.Serialize(writer, webhookEvent.CreatedAt, PublicJson.Options);
            writer.WriteString("id", webhookEvent.EventId);
            writer.WriteNumber("sequence", webhookEvent.Sequence);
            if (truncated)
                writer.WriteBoolean("truncated", true);
            writer.WritePropertyName("data");
            if (truncated)
            {
                JsonSerializer.Serialize(writer, new
                {
                    order.OrderId, order.PoNumber, order.CompanyId, order.Status, order.DeliveryStatus, order.PaymentType,
                    order.Currency, order.Totals.AmountTotal, order.AmountPaid, order.Version, order.CreatedAt, order.UpdatedAt,
                }, PublicJson.Options);
            }
            else
            {
                JsonSerializer.Serialize(writer, order, PublicJson.Options);
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}

using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Webhooks;

namespace OrderSilo.Api.Webhooks;

/// <summary>
/// The bodies of <c>POST /webhooks</c> (<c>{url, events}</c>) and <c>PATCH /webhooks/{id}</c> (any of <c>url</c>,
/// <c>events</c>, <c>enabled</c>), read by hand so that a field of the wrong type, or one that does not exist,
/// answers 400 naming it. Whether a URL may receive webhooks (https, where it resolves) is the silo's check.
/// </summary>
public static class WebhookBodyReader
{
    public static WebhookChange? Read(JsonObject? body, bool registration, ValidationErrors errors)
    {
        if (body is null)
        {
            errors.Add("body", "Send a JSON object.");
            return null;
        }
        string? url = null;
        ImmutableArray<string>? events = null;
        bool? enabled = null;
        foreach (var (name, value) in body)
        {
            switch (name)
            {
                case "url" when value?.GetValueKind() == JsonValueKind.String:
                    url = value.GetValue<string>();
                    break;
                case "url":
                    errors.Add("url", "An https URL.");
                    break;
                case "events" when value is JsonArray array && array.All(e => e?.GetValueKind() == JsonValueKind.String):
                    events = [.. array.Select(e => e!.GetValue<string>())];
                    break;
                case "events":
                    errors.Add("events", "A list of event types.");
                    break;
                case "enabled" when !registration && value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                    enabled = value!.GetValue<bool>();
                    break;
                case "enabled" when !registration:
                    errors.Add("enabled", "true or false.");
                    break;
                default:
                    errors.Add(name, registration ? "Not a field of a webhook registration: send url and events." : "Not a field you can change: url, events, enabled.");
                    break;
            }
        }
        if (registration)
        {
            errors.Required("url", url);
            errors.Required("events", events);
        }
        if (events is { } list && (list.IsEmpty || list.Length > WebhookEventTypes.All.Length * 2))
            errors.Add("events", $"From 1 to {WebhookEventTypes.All.Length} event types: {string.Join(", ", WebhookEventTypes.All)}.");
        else if (events?.FirstOrDefault(e => !WebhookEventTypes.IsKnown(e)) is { } unknown)
            errors.Add("events", $"Unknown event type '{unknown}'; known: {string.Join(", ", WebhookEventTypes.All)}.");
        return errors.Any ? null : new WebhookChange(url, events, enabled);
    }
}

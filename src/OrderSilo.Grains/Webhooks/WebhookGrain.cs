using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Webhooks;
using OrderSilo.Grains.Infrastructure;

namespace OrderSilo.Grains.Webhooks;

/// <summary>
/// One endpoint's settings and secret. Its state is projected to <c>webhook_endpoints</c> in the same commit,
/// where order writes find it (to record events) and the dispatchers find it (to deliver them).
/// </summary>
[GrainType("webhook")]
internal sealed class WebhookGrain(
    [PersistentState("webhook", StorageNames.Webhooks)] IPersistentState<WebhookState> state,
    NpgsqlDataSource database,
    TimeProvider clock,
    IOptions<WebhookOptions> options) : Grain, IWebhookGrain
{
    public async Task<Outcome<WebhookRegistration>> Create(string accountId, WebhookChange registration)
    {
        if (state.State.Webhook is { } existing)
        {
            // Ids are new for every registration: a stored one is this same registration, asked again.
            return existing.AccountId == accountId
                ? Outcome<WebhookRegistration>.Ok(new WebhookRegistration(await ViewAsync(existing), existing.Secret))
                : NotFound<WebhookRegistration>();
        }
        var (url, error) = await CheckUrlAsync(registration.Url);
        if (url is null)
            return Outcome<WebhookRegistration>.Fail(error!);
        if (EventsError(registration.Events) is { } eventsError)
            return Outcome<WebhookRegistration>.Fail(eventsError);
        var now = clock.GetUtcNow();
        var endpoint = new WebhookEndpoint
        {
            WebhookId = this.GetPrimaryKeyString(),
            AccountId = accountId,
            Url = url,
            Events = Normalize(registration.Events!.Value),
            Enabled = registration.Enabled ?? true,
            DisabledReason = registration.Enabled == false ? "by_owner" : null,
            Secret = WebhookSigner.NewSecret(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await state.ChangeAndWriteAsync(this, _ => new WebhookState(endpoint));
        return Outcome<WebhookRegistration>.Ok(new WebhookRegistration(await ViewAsync(endpoint), endpoint.Secret));
    }

    public async Task<Outcome<Webhook>> Update(string accountId, WebhookChange change)
    {
        if (Mine(accountId) is not { } endpoint)
            return NotFound<Webhook>();
        var updated = endpoint;
        if (change.Url is not null)
        {
            var (url, error) = await CheckUrlAsync(change.Url);
            if (url is null)
                return Outcome<Webhook>.Fail(error!);
            updated = updated with { Url = url };
        }
        if (change.Events is { } events)
        {
            if (EventsError(events) is { } eventsError)
                return Outcome<Webhook>.Fail(eventsError);
            updated = updated with { Events = Normalize(events) };
        }
        if (change.Enabled is { } enabled && enabled != endpoint.Enabled)
            updated = updated with { Enabled = enabled, DisabledReason = enabled ? null : "by_owner" };
        if (updated != endpoint)
        {
            updated = updated with { UpdatedAt = clock.GetUtcNow() };
            await state.ChangeAndWriteAsync(this, s => s with { Webhook = updated });
        }
        return Outcome<Webhook>.Ok(await ViewAsync(updated));
    }

    public async Task<Outcome<bool>> Delete(string accountId)
    {
        if (Mine(accountId) is null)
            return NotFound<bool>();
        await state.ChangeAndWriteAsync(this, _ => new WebhookState());
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<WebhookDelivery>> Replay(string accountId, string eventId)
    {
        if (Mine(accountId) is not { } endpoint)
            return NotFound<WebhookDelivery>();
        if (!endpoint.Enabled)
            return Outcome<WebhookDelivery>.Fail(ErrorCodes.InvalidState,
                $"Webhook '{endpoint.WebhookId}' is disabled: enable it (PATCH enabled: true) and its held deliveries are sent again, then replay.");
        return await WebhookRows.ReplayAsync(database, endpoint.WebhookId, eventId) is { } delivery
            ? Outcome<WebhookDelivery>.Ok(delivery)
            : Outcome<WebhookDelivery>.Fail(ErrorCodes.NotFound, $"Webhook '{endpoint.WebhookId}' has no delivery of event '{eventId}'.", "eventId");
    }

    public async Task DisableForFailures(string reason)
    {
        if (state.State.Webhook is { Enabled: true } endpoint)
            await state.ChangeAndWriteAsync(this, s => s with { Webhook = endpoint with { Enabled = false, DisabledReason = reason, UpdatedAt = clock.GetUtcNow() } });
    }

    private WebhookEndpoint? Mine(string accountId) => state.State.Webhook is { } endpoint && endpoint.AccountId == accountId ? endpoint : null;

    private async Task<Webhook> ViewAsync(WebhookEndpoint endpoint) =>
        await WebhookRows.FindAsync(database, endpoint.AccountId, endpoint.WebhookId)
        ?? throw new InvariantViolationException($"Webhook {endpoint.WebhookId} is stored but not in webhook_endpoints.");

    private async Task<(string? Url, DomainError? Error)> CheckUrlAsync(string? url)
    {
        var (uri, error) = await WebhookAddresses.CheckAsync(url, options.Value.AllowLocalUrls);
        return uri is null ? (null, new DomainError(ErrorCodes.ValidationFailed, error!, "url")) : (uri.AbsoluteUri, null);
    }

    private static DomainError? EventsError(ImmutableArray<string>? events) =>
        events is not { IsDefaultOrEmpty: false } list
            ? new DomainError(ErrorCodes.ValidationFailed, "At least one event type.", "events")
            : list.FirstOrDefault(e => !WebhookEventTypes.IsKnown(e)) is { } unknown
                ? new DomainError(ErrorCodes.ValidationFailed, $"Unknown event type '{unknown}'; known: {string.Join(", ", WebhookEventTypes.All)}.", "events")
                : null;

    private static ImmutableArray<string> Normalize(ImmutableArray<string> events) => [.. events.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private Outcome<T> NotFound<T>() => Outcome<T>.Fail(ErrorCodes.NotFound, $"There is no webhook '{this.GetPrimaryKeyString()}'.", "webhookId");
}

using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderSilo.Api.Auth;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Webhooks;

namespace OrderSilo.Api.Webhooks;

/// <summary>Webhook endpoints of the caller's account, their deliveries, and replays (docs/webhooks.md).</summary>
public static class WebhooksEndpoints
{
    /// <summary>The answer to a registration: the endpoint and its signing secret, shown this once.</summary>
    public sealed record RegisteredWebhook(string WebhookId, string Secret, string Url, IReadOnlyList<string> Events, bool Enabled, DateTimeOffset CreatedAt);

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder routes)
    {
        var webhooks = routes.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(AuthSetup.TenantPolicy);
        webhooks.MapPost("/", Register).WithSummary("Register an endpoint {url, events}; answers its id and its signing secret (shown once)");
        // Retried on a transient cluster failure where doing it twice is doing it once: reads, a patch (the same
        // values again), a replay (one more send of the same event). Not a registration (a second endpoint) or a
        // deletion (a retry would answer 404 for work that was done).
        webhooks.MapGet("/", List).WithSummary("The account's endpoints, newest first").RetriesOnClusterFailure();
        webhooks.MapGet("/{webhookId}", Get).WithSummary("An endpoint, with its health").RetriesOnClusterFailure();
        webhooks.MapPatch("/{webhookId}", Update).WithSummary("Change an endpoint's url, events or enabled (enabling sends what was held)").RetriesOnClusterFailure();
        webhooks.MapDelete("/{webhookId}", Delete).WithSummary("Delete an endpoint and its deliveries");
        webhooks.MapGet("/{webhookId}/deliveries", Deliveries).WithSummary("An endpoint's deliveries, newest first: attempts, status codes, latency, next retry")
            .RetriesOnClusterFailure();
        webhooks.MapPost("/{webhookId}/deliveries/{eventId}/replay", Replay).WithSummary("Send an event again, with the same webhook-id").RetriesOnClusterFailure();
        return routes;
    }

    private static async Task<Results<Created<RegisteredWebhook>, ProblemHttpResult>> Register(JsonObject? body, ClaimsPrincipal user, IClusterClient cluster)
    {
        var errors = new ValidationErrors();
        if (WebhookBodyReader.Read(body, registration: true, errors) is not { } registration)
            return ApiProblems.Validation(errors.ToDictionary());
        var registered = await cluster.GetGrain<IAccountGrain>(user.AccountId()).AddWebhook(registration);
        if (registered.Failed)
            return ApiProblems.For(registered.Error!);
        var webhook = registered.Value!.Webhook;
        return TypedResults.Created($"/api/v1/webhooks/{webhook.WebhookId}", 
            new RegisteredWebhook(webhook.WebhookId, registered.Value.Secret, webhook.Url, webhook.Events, webhook.Enabled, webhook.CreatedAt));
    }

    private static async Task<Results<Ok<ListPage<Webhook>>, ProblemHttpResult>> List(HttpRequest request, ClaimsPrincipal user, IClusterClient cluster)
    {
        var errors = new ValidationErrors();
        if (WebhookListQuery.Parse(request.Query, deliveries: false, errors) is not { } page)
            return ApiProblems.Validation(errors.ToDictionary());
        var (webhooks, next) = await cluster.GetGrain<IWebhookQueryGrain>(0).List(user.AccountId(), page.Limit, page.After);
        return TypedResults.Ok(new ListPage<Webhook>(webhooks, WebhookListQuery.Encode(next)));
    }

    private static async Task<Results<Ok<Webhook>, ProblemHttpResult>> Get(string webhookId, ClaimsPrincipal user, IClusterClient cluster) =>
        Ids.IsValid(webhookId, "whk_") && await cluster.GetGrain<IWebhookQueryGrain>(0).Find(user.AccountId(), webhookId) is { } webhook
            ? TypedResults.Ok(webhook)
            : NotFound(webhookId);

    private static async Task<Results<Ok<Webhook>, ProblemHttpResult>> Update(string webhookId, JsonObject? body, ClaimsPrincipal user, IClusterClient cluster)
    {
        // Whose endpoint it is comes first: another account's id answers 404 whatever the body.
        if (!Ids.IsValid(webhookId, "whk_") || await cluster.GetGrain<IWebhookQueryGrain>(0).Find(user.AccountId(), webhookId) is null)
            return NotFound(webhookId);
        var errors = new ValidationErrors();
        if (WebhookBodyReader.Read(body, registration: false, errors) is not { } change)
            return ApiProblems.Validation(errors.ToDictionary());
        var updated = await cluster.GetGrain<IWebhookGrain>(webhookId).Update(user.AccountId(), change);
        return updated.Failed ? ApiProblems.For(updated.Error!) : TypedResults.Ok(updated.Value!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string webhookId, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (!Ids.IsValid(webhookId, "whk_"))
            return NotFound(webhookId);
        var deleted = await cluster.GetGrain<IWebhookGrain>(webhookId).Delete(user.AccountId());
        return deleted.Failed ? ApiProblems.For(deleted.Error!) : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ListPage<WebhookDelivery>>, ProblemHttpResult>> Deliveries(
        string webhookId, HttpRequest request, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (!Ids.IsValid(webhookId, "whk_"))
            return NotFound(webhookId);
        var errors = new ValidationErrors();
        if (WebhookListQuery.Parse(request.Query, deliveries: true, errors) is not { } page)
            return ApiProblems.Validation(errors.ToDictionary());
        var found = await cluster.GetGrain<IWebhookQueryGrain>(0).Deliveries(new WebhookDeliveryQuery(user.AccountId(), webhookId, page.Status, page.Limit, page.After));
        return found is { } deliveries
            ? TypedResults.Ok(new ListPage<WebhookDelivery>(deliveries.Deliveries, WebhookListQuery.Encode(deliveries.Next)))
            : NotFound(webhookId);
    }

    private static async Task<Results<Accepted<WebhookDelivery>, ProblemHttpResult>> Replay(string webhookId, string eventId, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (!Ids.IsValid(webhookId, "whk_"))
            return NotFound(webhookId);
        if (!Ids.IsValid(eventId, "evt_"))
            return ApiProblems.For(new DomainError(ErrorCodes.NotFound, $"Webhook '{webhookId}' has no delivery of event '{eventId}'.", "eventId"));
        var replayed = await cluster.GetGrain<IWebhookGrain>(webhookId).Replay(user.AccountId(), eventId);
        return replayed.Failed
            ? ApiProblems.For(replayed.Error!)
            : TypedResults.Accepted($"/api/v1/webhooks/{webhookId}/deliveries?status=pending", replayed.Value!);
    }

    private static ProblemHttpResult NotFound(string webhookId) =>
        ApiProblems.For(new DomainError(ErrorCodes.NotFound, $"There is no webhook '{webhookId}'.", "webhookId"));
}

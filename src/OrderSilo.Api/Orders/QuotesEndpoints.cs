using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrderSilo.Api.Auth;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Api.Orders;

/// <summary>
/// <c>POST /api/v1/quotes</c> (seed 000): a quotation with full costing that commits nothing (no credit, no
/// vouchers) until <c>POST /orders/{id}/accept</c>. A poNumber makes it exactly once like an order; without one the
/// quote gets a fresh poNumber (<c>quote-…</c>), so a retried request may then make a second quote.
/// </summary>
public static class QuotesEndpoints
{
    /// <summary>The body: a place-order body without <c>payment</c> (chosen at acceptance), with an optional <c>validUntil</c>.</summary>
    public sealed record QuoteRequest(
        string? PoNumber,
        string? CompanyId,
        string? Currency,
        IReadOnlyList<LineItemRequest?>? LineItems,
        RecipientRequest? Recipient,
        string? Tag,
        string? Description,
        string? Reference,
        IReadOnlyDictionary<string, JsonElement>? BillingDetails,
        IReadOnlyDictionary<string, string?>? Metadata,
        DateTimeOffset? ValidUntil);

    private const string GeneratedPoNumber = "ordersilo.quote-po-number";

    public static IEndpointRouteBuilder MapQuotes(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/quotes", CreateQuote).WithTags("Orders").RequireAuthorization(AuthSetup.TenantPolicy)
            .WithSummary("Save a quotation with full costing (status quote); accept it with POST /orders/{id}/accept")
            .RetriesOnClusterFailure();
        return routes;
    }

    private static async Task<Results<Created<Order>, Ok<Order>, ProblemHttpResult>> CreateQuote(
        QuoteRequest? body, ClaimsPrincipal user, IClusterClient cluster, HttpContext http, TimeProvider clock, IOptions<InputLimits> limits)
    {
        if (body is null)
            return ApiProblems.Validation("body", "Send a JSON object.");
        var errors = new ValidationErrors();
        if (body.ValidUntil is { } until && until <= clock.GetUtcNow())
            errors.Add("validUntil", "A moment in the future.");
        // A retried request (ClusterRetryFilter) keeps the poNumber made for it, so it stays one quote.
        var poNumber = body.PoNumber ?? (string)(http.Items[GeneratedPoNumber] ??= "quote-" + Guid.NewGuid().ToString("N"));
        var asOrder = new PlaceOrderRequest(poNumber, body.CompanyId, body.Currency, body.LineItems,
            body.Recipient, body.Tag, body.Description, body.Reference, null, null, null, null, body.BillingDetails, body.Metadata);
        var command = PlaceOrderValidator.Validate(asOrder, user.HomeCompanyId(), limits.Value, errors);
        if (command is null || errors.Any)
            return ApiProblems.Validation(errors.ToDictionary());
        var quote = command with { Quote = true, ValidUntil = body.ValidUntil };
        return OrdersEndpoints.Answer(await cluster.GetGrain<IPoNumberGrain>(OrdersEndpoints.PoNumberKey(user, quote.PoNumber)).Place(quote), http.Response);
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderSilo.Api.Auth;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Api.Orders;

/// <summary>
/// The transitions of an order (docs/lifecycles.md): accept a quote, approve a purchase order, cancel, record a
/// payment. The account owner uses the tenant paths; the operator approves and cancels under <c>/admin</c>.
/// </summary>
public static class OrderLifecycleEndpoints
{
    /// <summary><c>autoPay: true</c> charges the saved card; false issues an invoice.</summary>
    public sealed record AcceptBody(bool? AutoPay);

    /// <summary>Why the order is cancelled (optional, at most 200 characters).</summary>
    public sealed record CancelBody(string? Reason);

    /// <summary>Money received: an amount in the order's currency and the payer's reference (recorded once).</summary>
    public sealed record PaymentBody(decimal? Amount, string? Reference);

    public static IEndpointRouteBuilder MapOrderLifecycle(this IEndpointRouteBuilder routes)
    {
        var orders = routes.MapGroup("/api/v1/orders").WithTags("Orders").RequireAuthorization(AuthSetup.TenantPolicy);
        orders.MapPost("/{orderId}/accept", Accept).WithSummary("Accept a quote: autoPay charges the saved card, otherwise an invoice is issued")
            .RetriesOnClusterFailure();
        orders.MapPost("/{orderId}/approve", Approve).WithSummary("Approve a purchase order (the account owner)");
        orders.MapPost("/{orderId}/cancel", Cancel).WithSummary("Cancel an order that is not completed; its credit is given back");
        orders.MapPost("/{orderId}/payments", RecordPayment).WithSummary("Record money received; full payment completes the order")
            .RetriesOnClusterFailure();
        var admin = routes.MapGroup("/api/v1/admin/orders").WithTags("Admin").RequireAuthorization(AuthSetup.AdminPolicy);
        admin.MapPost("/{orderId}/approve", ApproveAsOperator).WithSummary("Approve a purchase order (the operator)");
        admin.MapPost("/{orderId}/cancel", CancelAsOperator).WithSummary("Cancel an order (the operator)");
        return routes;
    }

    private static async Task<Results<Ok<Order>, ProblemHttpResult>> Accept(string orderId, AcceptBody? body, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (body?.AutoPay is not { } autoPay)
            return await NotFoundOr(orderId, user, cluster, ApiProblems.Validation("autoPay", "Required: true to charge the saved card, false for an invoice."));
        return await ApplyAsync(orderId, order => order.Accept(user.AccountId(), autoPay), cluster);
    }

    private static Task<Results<Ok<Order>, ProblemHttpResult>> Approve(string orderId, ClaimsPrincipal user, IClusterClient cluster) =>
        ApplyAsync(orderId, order => order.Approve(user.AccountId()), cluster);

    private static Task<Results<Ok<Order>, ProblemHttpResult>> ApproveAsOperator(string orderId, IClusterClient cluster) =>
        ApplyAsync(orderId, order => order.Approve(null), cluster);

    private static async Task<Results<Ok<Order>, ProblemHttpResult>> Cancel(string orderId, CancelBody? body, ClaimsPrincipal user, IClusterClient cluster) =>
        InvalidReason(body) is { } invalid
            ? await NotFoundOr(orderId, user, cluster, invalid)
            : await ApplyAsync(orderId, order => order.Cancel(user.AccountId(), body?.Reason), cluster);

    private static async Task<Results<Ok<Order>, ProblemHttpResult>> CancelAsOperator(string orderId, CancelBody? body, IClusterClient cluster) =>
        InvalidReason(body) ?? await ApplyAsync(orderId, order => order.Cancel(null, body?.Reason), cluster);

    private static async Task<Results<Ok<Order>, ProblemHttpResult>> RecordPayment(string orderId, PaymentBody? body, ClaimsPrincipal user, IClusterClient cluster)
    {
        var errors = new ValidationErrors();
        errors.Required("amount", body?.Amount);
        errors.Required("reference", body?.Reference);
        errors.MaxLength("reference", body?.Reference, 100);
        if (errors.Any)
            return await NotFoundOr(orderId, user, cluster, ApiProblems.Validation(errors.ToDictionary()));
        return await ApplyAsync(orderId, order => order.RecordPayment(user.AccountId(), body!.Reference!, body.Amount!.Value), cluster);
    }

    /// <summary>Another account's order is not found whatever the body says: the body is judged only for the owner's orders.</summary>
    private static async Task<ProblemHttpResult> NotFoundOr(string orderId, ClaimsPrincipal user, IClusterClient cluster, ProblemHttpResult invalid) =>
        Ids.IsValid(orderId, "ord_") && await cluster.GetGrain<IOrderGrain>(orderId).Get(user.AccountId()) is not null
            ? invalid
            : ApiProblems.NotFound($"There is no order '{orderId}'.");

    private static ProblemHttpResult? InvalidReason(CancelBody? body) =>
        body?.Reason is { Length: 0 or > 200 } ? ApiProblems.Validation("reason", "From 1 to 200 characters.") : null;

    private static async Task<Results<Ok<Order>, ProblemHttpResult>> ApplyAsync(string orderId, Func<IOrderGrain, Task<Outcome<Order>>> transition, IClusterClient cluster)
    {
        if (!Ids.IsValid(orderId, "ord_"))
            return ApiProblems.NotFound($"There is no order '{orderId}'.");
        var outcome = await transition(cluster.GetGrain<IOrderGrain>(orderId));
        return outcome.Failed ? ApiProblems.For(outcome.Error!) : TypedResults.Ok(outcome.Value!);
    }
}

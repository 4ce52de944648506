using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderSilo.Api.Auth;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Api.Orders;

/// <summary>
/// The transitions of an order (docs/lifecycles.md) and who may ask for them (docs/security.md): the buyer accepts
/// its quotes, cancels, and approves only where its company's approval policy lets it; the operator, under
/// <c>/admin</c>, approves, cancels and records money received. The grains judge the actor again.
/// </summary>
public static class OrderLifecycleEndpoints
{
    /// <summary><c>autoPay: true</c> charges the saved card; false issues an invoice.</summary>
    public sealed record AcceptBody(bool? AutoPay);

    /// <summary>Why the order is cancelled (optional, at most 200 characters).</summary>
    public sealed record CancelBody(string? Reason);

    /// <summary>
    /// Money received: an amount in the order's currency, the payer's reference (recorded once), and how it came
    /// (<c>wire</c>, <c>check</c>, <c>cash</c> or <c>other</c>).
    /// </summary>
    public sealed record PaymentBody(decimal? Amount, string? Reference, string? Method);

    /// <summary>Money to give back: an amount in the order's currency, up to what was paid and not refunded, and why.</summary>
    public sealed record RefundBody(decimal? Amount, string? Reason);

    public static IEndpointRouteBuilder MapOrderLifecycle(this IEndpointRouteBuilder routes)
    {
        var orders = routes.MapGroup("/api/v1/orders").WithTags("Orders").RequireAuthorization(AuthSetup.TenantPolicy);
        orders.MapPost("/{orderId}/accept", Accept).WithSummary("Accept a quote: autoPay charges the saved card, otherwise an invoice is issued")
            .RetriesOnClusterFailure();
        orders.MapPost("/{orderId}/approve", Approve).WithSummary("Approve a purchase order (where the company's approval policy lets the account)");
        orders.MapPost("/{orderId}/cancel", Cancel).WithSummary("Cancel an order that is not completed; its credit is given back");
        orders.MapPost("/{orderId}/payments", RefusePayment).WithSummary("Not for tenants: 403. Money received is recorded by the operator; buyers pay on paymentLink");
        var admin = routes.MapGroup("/api/v1/admin/orders").WithTags("Admin").RequireAuthorization(AuthSetup.AdminPolicy);
        admin.MapPost("/{orderId}/approve", ApproveAsOperator).WithSummary("Approve a purchase order (the operator)");
        admin.MapPost("/{orderId}/cancel", CancelAsOperator).WithSummary("Cancel an order (the operator)");
        admin.MapPost("/{orderId}/payments", RecordPayment).WithSummary("Record money received (wire, check, cash, other); full payment completes the order")
            .RetriesOnClusterFailure();
        admin.MapPost("/{orderId}/refunds", Refund).WithSummary("Give money back: card money through the gateway, balance money to the balance, other money recorded")
            .RetriesOnClusterFailure();
        return routes;
    }

    private static async Task<Results<Ok<Order>, ProblemHttpResult>> Accept(string orderId, AcceptBody? body, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (body?.AutoPay is not { } autoPay)
            return await NotFoundOr(orderId, user, cluster, ApiProblems.Validation("autoPay", "Required: true to charge the saved card, false for an invoice."));
        return await ApplyAsync(orderId, order => order.Accept(user.AsTenant(), autoPay), cluster);
    }

    private static Task<Results<Ok<Order>, ProblemHttpResult>> Approve(string orderId, ClaimsPrincipal user, IClusterClient cluster) =>
        ApplyAsync(orderId, order => order.Approve(user.AsTenant()), cluster);

    private static Task<Results<Ok<Order>, ProblemHttpResult>> ApproveAsOperator(string orderId, ClaimsPrincipal user, IClusterClient cluster) =>
        ApplyAsync(orderId, order => order.Approve(user.AsOperator()), cluster);

    private static async Task<Results<Ok<Order>, ProblemHttpResult>> Cancel(string orderId, CancelBody? body, ClaimsPrincipal user, IClusterClient cluster) =>
        InvalidReason(body) is { } invalid
            ? await NotFoundOr(orderId, user, cluster, invalid)
            : await ApplyAsync(orderId, order => order.Cancel(user.AsTenant(), body?.Reason), cluster);

    private static async Task<Results<Ok<Order>, ProblemHttpResult>> CancelAsOperator(string orderId, CancelBody? body, ClaimsPrincipal user, IClusterClient cluster) =>
        InvalidReason(body) ?? await ApplyAsync(orderId, order => order.Cancel(user.AsOperator(), body?.Reason), cluster);

    /// <summary>
    /// The old tenant path, kept so that it answers clearly: the grain refuses a tenant's payment (403) whatever the
    /// body says, after answering 404 for another account's order.
    /// </summary>
    private static Task<Results<Ok<Order>, ProblemHttpResult>> RefusePayment(string orderId, ClaimsPrincipal user, IClusterClient cluster) =>
        ApplyAsync(orderId, order => order.RecordPayment(user.AsTenant(), "", 0m, PaymentMethods.Other), cluster);

    private static async Task<Results<Ok<Order>, ProblemHttpResult>> RecordPayment(string orderId, PaymentBody? body, ClaimsPrincipal user, IClusterClient cluster)
    {
        var errors = new ValidationErrors();
        errors.Required("amount", body?.Amount);
        errors.Required("reference", body?.Reference);
        errors.MaxLength("reference", body?.Reference, 100);
        errors.Required("method", body?.Method);
        if (body?.Method is { } method && !PaymentMethods.Recorded.Contains(method))
            errors.Add("method", $"One of {string.Join(", ", PaymentMethods.Recorded)}.");
        if (errors.Any)
            return ApiProblems.Validation(errors.ToDictionary());
        return await ApplyAsync(orderId, order => order.RecordPayment(user.AsOperator(), body!.Reference!, body.Amount!.Value, body.Method!), cluster);
    }

    /// <summary>
    /// The refund id is made once per request, so that the retry filter asks the grain again under the same id
    /// (once per refund id there) rather than refunding twice.
    /// </summary>
    private static async Task<Results<Created<OrderRefund>, ProblemHttpResult>> Refund(string orderId, RefundBody? body, ClaimsPrincipal user,
        HttpContext http, IClusterClient cluster)
    {
        var errors = new ValidationErrors();
        errors.Required("amount", body?.Amount);
        errors.MaxLength("reason", body?.Reason, 200);
        if (errors.Any)
            return ApiProblems.Validation(errors.ToDictionary());
        var refundId = (string)(http.Items["refundId"] ??= Ids.NewRefundId());
        var refunded = await ApplyAsync(orderId, order => order.Refund(user.AsOperator(), refundId, body!.Amount!.Value, body.Reason), cluster);
        if (refunded.Result is not Ok<Order> { Value: { } order })
            return (ProblemHttpResult)refunded.Result;
        return TypedResults.Created($"/api/v1/orders/{orderId}", order.Refunds.Single(r => r.RefundId == refundId));
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

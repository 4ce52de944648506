using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderSilo.Api.Auth;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Api.Orders;

/// <summary>The records API of seed 003: orders are changed in their notes and archived, never deleted.</summary>
public static class OrderRecordsEndpoints
{
    public const int MaxBatch = 100;

    /// <summary>One record's result in a batch, in the order of the request.</summary>
    public sealed record RecordResult(string? OrderId, int Status, Order? Order, string? Code, string? Detail);

    public sealed record BatchResults(IReadOnlyList<RecordResult> Results);

    public static IEndpointRouteBuilder MapOrderRecords(this IEndpointRouteBuilder routes)
    {
        var orders = routes.MapGroup("/api/v1/orders").WithTags("Orders").RequireAuthorization(AuthSetup.TenantPolicy).RetriesOnClusterFailure();
        orders.MapPatch("/{orderId}", UpdateOrder).WithSummary("Change an order's description, tag or metadata; send version to detect a stale read");
        orders.MapPost("/{orderId}/archive", ArchiveOrder).WithSummary("Archive an order (hidden from lists unless archived=true)");
        orders.MapPost("/batch-update", BatchUpdate).WithSummary("Change up to 100 orders; a result per record, in order");
        return routes;
    }

    private static async Task<Results<Ok<Order>, ProblemHttpResult>> UpdateOrder(string orderId, JsonObject? body, ClaimsPrincipal user, IClusterClient cluster)
    {
        var errors = new ValidationErrors();
        var patch = body is null ? null : OrderPatchReader.Read(body, errors);
        if (patch is null)
            return (body is null ? ApiProblems.Validation("body", "Send a JSON object.") : ApiProblems.Validation(errors.ToDictionary()));
        return Answer(await ApplyAsync(cluster, user, orderId, patch));
    }

    private static async Task<Results<Ok<Order>, ProblemHttpResult>> ArchiveOrder(string orderId, ClaimsPrincipal user, IClusterClient cluster) =>
        Answer(await ApplyAsync(cluster, user, orderId, new OrderPatch { Archive = true }));

    private static async Task<Results<Ok<BatchResults>, ProblemHttpResult>> BatchUpdate(JsonObject? body, ClaimsPrincipal user, IClusterClient cluster)
    {
        var errors = new ValidationErrors();
        if (body?["records"] is not JsonArray records || records.Count is 0 or > MaxBatch)
            return ApiProblems.Validation("records", $"From 1 to {MaxBatch} records.");
        var work = new List<(string OrderId, OrderPatch Patch)>();
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i] is not JsonObject record || record["orderId"]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                errors.Add($"records[{i}].orderId", "Required.");
                continue;
            }
            if (OrderPatchReader.Read(record, errors, $"records[{i}].", "orderId") is { } patch)
                work.Add((record["orderId"]!.GetValue<string>(), patch));
        }
        if (errors.Any)
            return ApiProblems.Validation(errors.ToDictionary());
        // Different orders are different grains: the records are applied side by side, answered in request order.
        var outcomes = await Task.WhenAll(work.Select(w => ApplyAsync(cluster, user, w.OrderId, w.Patch)));
        return TypedResults.Ok(new BatchResults([.. work.Zip(outcomes, (w, o) => o.Failed
            ? new RecordResult(w.OrderId, ApiProblems.StatusOf(o.Error!.Code), null, o.Error.Code, o.Error.Detail)
            : new RecordResult(w.OrderId, 200, o.Value, null, null))]));
    }

    private static async Task<Outcome<Order>> ApplyAsync(IClusterClient cluster, ClaimsPrincipal user, string orderId, OrderPatch patch) =>
        Ids.IsValid(orderId, "ord_")
            ? await cluster.GetGrain<IOrderGrain>(orderId).Update(user.AccountId(), patch)
            : Outcome<Order>.Fail(ErrorCodes.NotFound, $"There is no order '{orderId}'.", "orderId");

    private static Results<Ok<Order>, ProblemHttpResult> Answer(Outcome<Order> outcome) =>
        outcome.Failed ? ApiProblems.For(outcome.Error!) : TypedResults.Ok(outcome.Value!);
}

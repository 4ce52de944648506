using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrderSilo.Api.Auth;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Api.Orders;

/// <summary>
/// <c>POST /api/v1/orders/batch</c> (seed 003's batch create): up to 100 place-order bodies in one request. Each
/// record is still exactly once by its poNumber, so a retried batch replays. Without <c>atomic</c> every record
/// stands alone; with it, all are placed or none (<see cref="IOrderBatchGrain"/>).
/// </summary>
public static class OrderBatchEndpoints
{
    /// <summary>The body: place-order bodies, and whether they stand or fall together.</summary>
    public sealed record PlaceBatchRequest(IReadOnlyList<PlaceOrderRequest?>? Records, bool? Atomic);

    /// <summary>One record's outcome, in request order: <c>status</c> is what a single request would have answered.</summary>
    public sealed record PlacedRecord(string PoNumber, int Status, bool Replayed, string? OrderId, Order? Order, string? Code, string? Detail, string? Field);

    /// <summary>The answer: <c>status</c> is true when every record has its order.</summary>
    public sealed record PlaceBatchResults(bool Status, bool Atomic, IReadOnlyList<PlacedRecord> Results);

    public static IEndpointRouteBuilder MapOrderBatches(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/orders/batch", PlaceBatch).WithTags("Orders").RequireAuthorization(AuthSetup.TenantPolicy)
            .WithSummary("Place up to 100 orders, each exactly once by poNumber; atomic: all or none").RetriesOnClusterFailure();
        return routes;
    }

    private static async Task<Results<Ok<PlaceBatchResults>, ProblemHttpResult>> PlaceBatch(
        PlaceBatchRequest? body, ClaimsPrincipal user, IClusterClient cluster, IOptions<InputLimits> limits)
    {
        if (body?.Records is not { Count: > 0 and <= OrderRecordsEndpoints.MaxBatch } records)
            return ApiProblems.Validation("records", $"From 1 to {OrderRecordsEndpoints.MaxBatch} place-order bodies.");
        if (Validate(records, user.HomeCompanyId(), limits.Value, out var errors) is not { } commands)
            return ApiProblems.Validation(errors.ToDictionary());

        var atomic = body.Atomic ?? false;
        var results = atomic
            ? await cluster.GetGrain<IOrderBatchGrain>(IOrderBatchGrain.KeyOf(user.AccountId(), commands.Select(c => c.PoNumber))).PlaceAll(commands)
            // Different poNumbers are different grains: the records are placed side by side.
            : [.. await Task.WhenAll(commands.Select(c => cluster.GetGrain<IPoNumberGrain>($"{user.AccountId()}/{c.PoNumber}").Place(c)))];
        var answers = commands.Zip(results, Describe).ToList();
        if (atomic && answers.FirstOrDefault(a => a.Status >= 400 && a.Code != Contracts.Common.ErrorCodes.BatchNotPlaced) is { } fault)
            return Refused(answers, fault);
        return TypedResults.Ok(new PlaceBatchResults(answers.All(a => a.Status < 400), atomic, answers));
    }

    /// <summary>Every record's shape is checked before anything is placed; one bad record refuses the whole request.</summary>
    private static ImmutableArray<PlaceOrder>? Validate(IReadOnlyList<PlaceOrderRequest?> records, string homeCompanyId, InputLimits limits, out ValidationErrors errors)
    {
        errors = new ValidationErrors();
        var commands = ImmutableArray.CreateBuilder<PlaceOrder>(records.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i] is null)
            {
                errors.Add($"records[{i}]", "Send a place-order body.");
                continue;
            }
            if (PlaceOrderValidator.Validate(records[i], homeCompanyId, limits, errors.Under($"records[{i}].")) is not { } command)
                continue;
            if (seen.TryAdd(command.PoNumber, i))
                commands.Add(command);
            else
                errors.Add($"records[{i}].poNumber", $"The same poNumber as records[{seen[command.PoNumber]}]; a batch names each poNumber once.");
        }
        return errors.Any ? null : commands.ToImmutable();
    }

    private static PlacedRecord Describe(PlaceOrder command, PlaceOrderResult result) => result.Error is { } error
        ? new PlacedRecord(command.PoNumber, ApiProblems.StatusOf(error.Code), false, null, null, error.Code, error.Detail, error.Field)
        : new PlacedRecord(command.PoNumber, result.Replayed ? 200 : 201, result.Replayed, result.Order!.OrderId, result.Order, null, null, null);

    /// <summary>
    /// A refused atomic batch answers as its first refused record would, and names every record at fault: nothing
    /// was placed (records whose poNumber had its order before keep it).
    /// </summary>
    private static ProblemHttpResult Refused(List<PlacedRecord> answers, PlacedRecord fault)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < answers.Count; i++)
        {
            if (answers[i] is { Status: >= 400, Code: not Contracts.Common.ErrorCodes.BatchNotPlaced } refused)
                errors[$"records[{i}].{refused.Field ?? "poNumber"}"] = [$"{refused.Code}: {refused.Detail}"];
        }
        var index = answers.IndexOf(fault);
        return ApiProblems.Create(fault.Code!, $"records[{index}] (poNumber '{fault.PoNumber}') was refused: {fault.Detail} Nothing in this atomic batch was placed.", errors);
    }
}

using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrderSilo.Api.Accounts;
using OrderSilo.Api.Auth;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Api.Orders;

public static class OrdersEndpoints
{
    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder routes)
    {
        var orders = routes.MapGroup("/api/v1/orders").WithTags("Orders").RequireAuthorization(AuthSetup.TenantPolicy).RetriesOnClusterFailure();
        orders.MapPost("/", PlaceOrder).WithSummary("Place an order, exactly once per poNumber");
        orders.MapGet("/", ListOrders).WithSummary("The account's orders, newest first, with filters and cursor pagination");
        orders.MapGet("/{orderId}", GetOrder).WithSummary("An order by id");
        orders.MapGet("/by-po/{poNumber}", GetOrderByPoNumber).WithSummary("An order by poNumber");
        return routes;
    }

    private static async Task<Results<Created<Order>, Ok<Order>, ProblemHttpResult>> PlaceOrder(
        PlaceOrderRequest? body, ClaimsPrincipal user, IClusterClient cluster, HttpResponse response, PlacementTelemetry telemetry,
        IOptions<InputLimits> limits)
    {
        var started = Stopwatch.GetTimestamp();
        var accountId = user.AccountId();
        var errors = new ValidationErrors();
        var command = PlaceOrderValidator.Validate(body, user.HomeCompanyId(), limits.Value, errors);
        if (command is null)
        {
            telemetry.Rejected(started, accountId, null, ErrorCodes.ValidationFailed);
            return ApiProblems.Validation(errors.ToDictionary());
        }

        PlaceOrderResult result;
        try
        {
            result = await cluster.GetGrain<IPoNumberGrain>(PoNumberKey(user, command.PoNumber)).Place(command);
        }
        catch (Exception error) when (Counted(error))
        {
            throw;
        }
        if (result.Error is { } refusal)
            telemetry.Rejected(started, accountId, command.PoNumber, refusal.Code);
        else if (result.Replayed)
            telemetry.Replayed(started, accountId, result.Order!);
        else
            telemetry.Placed(started, accountId, result.Order!);
        return Answer(result, response);

        // Counted as the code the exception handler will answer with, then left to propagate to it.
        bool Counted(Exception error)
        {
            telemetry.Rejected(started, accountId, command.PoNumber,
                ApiExceptionHandler.IsTransient(error) ? ApiProblems.Unavailable : ApiProblems.InternalError);
            return false;
        }
    }

    /// <summary>201 for a new order, 200 with <c>Idempotent-Replayed: true</c> for a replay, else the refusal.</summary>
    internal static Results<Created<Order>, Ok<Order>, ProblemHttpResult> Answer(PlaceOrderResult result, HttpResponse response)
    {
        if (result.Error is { } error)
            return ApiProblems.For(error);
        if (result.Replayed)
        {
            response.Headers["Idempotent-Replayed"] = "true";
            return TypedResults.Ok(result.Order!);
        }
        return TypedResults.Created($"/api/v1/orders/{result.Order!.OrderId}", result.Order);
    }

    private static async Task<Results<Ok<ListPage<Order>>, ProblemHttpResult>> ListOrders(
        HttpRequest request, ClaimsPrincipal user, IClusterClient cluster)
    {
        var errors = new ValidationErrors();
        var query = OrderListQuery.Parse(request.Query, user.AccountId(), errors);
        if (query is null)
            return ApiProblems.Validation(errors.ToDictionary());
        if (query.CompanyId is { } companyId && await cluster.InAccountAsync(query.AccountId, companyId) is null)
            return ApiProblems.For(new DomainError(ErrorCodes.NotFound, $"There is no company '{companyId}'.", "companyId"));
        var (orders, next) = await cluster.GetGrain<IOrderQueryGrain>(0).List(query);
        return TypedResults.Ok(new ListPage<Order>(orders, next is null ? null : OrderListQuery.EncodeCursor(next)));
    }

    private static async Task<Results<Ok<Order>, ProblemHttpResult>> GetOrder(string orderId, ClaimsPrincipal user, IClusterClient cluster)
    {
        var order = Ids.IsValid(orderId, "ord_") ? await cluster.GetGrain<IOrderGrain>(orderId).Get(user.AccountId()) : null;
        return order is null ? ApiProblems.NotFound($"There is no order '{orderId}'.") : TypedResults.Ok(order);
    }

    private static async Task<Results<Ok<Order>, ProblemHttpResult>> GetOrderByPoNumber(string poNumber, ClaimsPrincipal user, IClusterClient cluster)
    {
        var errors = new ValidationErrors();
        if (PoNumbers.Read("poNumber", poNumber, errors) is not { } key)
            return ApiProblems.Validation(errors.ToDictionary());
        var order = await cluster.GetGrain<IPoNumberGrain>(PoNumberKey(user, key)).GetOrder();
        return order is null ? ApiProblems.NotFound($"There is no order with poNumber '{key}'.") : TypedResults.Ok(order);
    }

    /// <summary>poNumbers are unique per account: the account, from the token, is part of the key.</summary>
    internal static string PoNumberKey(ClaimsPrincipal user, string poNumber) => $"{user.AccountId()}/{poNumber}";
}

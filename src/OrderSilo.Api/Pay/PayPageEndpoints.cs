using Microsoft.Extensions.Options;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Api.Pay;

/// <summary>
/// The pay page at an order's <c>paymentLink</c> (<c>/pay/{orderId}/{token}</c>): no sign-in, the link's token is
/// the key, and the order grain checks it. GET shows the order and the ways to pay; POST pays by card, then sends the
/// browser back to GET (so a reload never submits twice; a second submit finds the order paid and does nothing).
/// A link that is changed, expired or whose order is cancelled shows a 404 page. Not part of the JSON API: left out
/// of the OpenAPI document.
/// </summary>
public static class PayPageEndpoints
{
    public static IEndpointRouteBuilder MapPayPage(this IEndpointRouteBuilder routes)
    {
        var pay = routes.MapGroup("/pay/{orderId}/{token}").AllowAnonymous().ExcludeFromDescription();
        pay.MapGet("/", Show);
        pay.MapPost("/", PayAsync).DisableAntiforgery();
        return routes;
    }

    private static async Task<IResult> Show(string orderId, string token, HttpResponse response, IClusterClient cluster, IOptions<SellerOptions> seller)
    {
        var order = await FindAsync(orderId, token, cluster);
        return order switch
        {
            null => Html(response, StatusCodes.Status404NotFound, PayPageHtml.NotFound(seller.Value)),
            { PaidAt: not null } => Html(response, StatusCodes.Status200OK, PayPageHtml.Paid(seller.Value, order)),
            { Status: OrderStatuses.AwaitingPayment } => Html(response, StatusCodes.Status200OK, PayPageHtml.PayForm(seller.Value, order, Empty, null)),
            _ => Html(response, StatusCodes.Status404NotFound, PayPageHtml.NotFound(seller.Value)),
        };
    }

    private static async Task<IResult> PayAsync(string orderId, string token, HttpContext http, IClusterClient cluster, IOptions<SellerOptions> seller,
        TimeProvider clock)
    {
        var response = http.Response;
        if (await FindAsync(orderId, token, cluster) is not { Status: OrderStatuses.AwaitingPayment } order)
            return await Show(orderId, token, response, cluster, seller);
        if (!http.Request.HasFormContentType)
            return Html(response, StatusCodes.Status400BadRequest, PayPageHtml.PayForm(seller.Value, order, Empty, "Send the card form."));
        var (cardToken, errors) = PayPageCard.Read(await http.Request.ReadFormAsync(http.RequestAborted), clock.GetUtcNow());
        if (cardToken is null)
            return Html(response, StatusCodes.Status422UnprocessableEntity, PayPageHtml.PayForm(seller.Value, order, errors, null));
        var paid = await cluster.GetGrain<IOrderGrain>(orderId).PayByCard(token, cardToken);
        if (paid.Error is { Code: ErrorCodes.CardDeclined })
            return Html(response, StatusCodes.Status422UnprocessableEntity,
                PayPageHtml.PayForm(seller.Value, order, Empty, "Your card was declined: nothing was charged. Try another card, or pay by bank transfer."));
        if (paid.Failed)
            return await Show(orderId, token, response, cluster, seller);
        response.Headers.Location = http.Request.Path.Value;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>The path as logs and traces may show it: a pay page's token is a secret, and stays out of both.</summary>
    public static string Loggable(PathString path) =>
        path.StartsWithSegments("/pay") ? "/pay/{orderId}/{token}" : path.Value ?? "";

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static async Task<Order?> FindAsync(string orderId, string token, IClusterClient cluster) =>
        Ids.IsValid(orderId, "ord_") && token.Length is > 0 and <= 64
            ? await cluster.GetGrain<IOrderGrain>(orderId).ForPayment(token)
            : null;

    /// <summary>
    /// The page with headers for a page whose address is a secret: never cached, never sent on as a referrer, never
    /// framed, and no script, style or form target but its own.
    /// </summary>
    private static IResult Html(HttpResponse response, int status, string html)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["X-Frame-Options"] = "DENY";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}

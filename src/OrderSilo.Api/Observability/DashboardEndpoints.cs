using System.Collections.Frozen;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Dashboard;
using OrderSilo.Api.Auth;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Api.Observability;

/// <summary>
/// The Orleans dashboard at <c>/dashboard</c>, for the operator only (scope <c>admin</c>). Scripts send their
/// bearer token as everywhere else; a browser cannot attach one to the dashboard's own requests, so
/// <c>/dashboard/login</c> takes an operator client's credentials and answers a cookie that holds an ordinary
/// admin token: HttpOnly, SameSite=Strict, scoped to /dashboard, read on /dashboard paths only, and as short-lived
/// as any token. None of these pages is part of the HTTP contract, so none is in the OpenAPI document.
/// </summary>
public static class DashboardEndpoints
{
    public const string Path = "/dashboard";
    public const string CookieName = "ordersilo_dashboard";

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path + "/login", LoginPage).AllowAnonymous().ExcludeFromDescription();
        routes.MapPost(Path + "/login", LogIn).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        routes.MapOrleansDashboard(Path)
            .RequireAuthorization(AuthSetup.AdminPolicy)
            .ExcludeFromDescription()
            .AddEndpointFilter(OnlyOperatorViews);
        return routes;
    }

    /// <summary>True for a request the dashboard cookie may authenticate.</summary>
    public static bool IsDashboardRequest(HttpRequest request) => request.Path.StartsWithSegments(Path);

    private static ContentHttpResult LoginPage(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Frame-Options"] = "DENY";
        return TypedResults.Content(LoginHtml, "text/html; charset=utf-8");
    }

    private static async Task<IResult> LogIn(HttpContext http, IClusterClient cluster, TokenIssuer issuer, TimeProvider clock)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!http.Request.HasFormContentType)
            return ApiProblems.Validation("body", "Send the sign-in form: client_id and client_secret, form-encoded.");
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var (clientId, secret) = (form["client_id"].ToString(), form["client_secret"].ToString());
        if (clientId.Length == 0 || secret.Length == 0)
            return ApiProblems.Create(ApiProblems.Unauthorized, "Give a client id and its secret.");
        // Counted with the token endpoint's attempts: the same grain of the same address.
        var signIn = await SignInGate.SignInAsync(http, cluster, clientId, secret);
        if (signIn.BlockedUntil is { } until)
            return SignInGate.Blocked(http, until, clock);
        if (signIn.Client is not { } client)
            return ApiProblems.Create(ApiProblems.Unauthorized, "Unknown client, wrong secret, or a revoked client.");
        if (client.Scope != Scopes.Admin)
            return ApiProblems.Create(ApiProblems.Forbidden, "The dashboard is for the operator's clients (scope admin).");

        var (token, lifetime) = issuer.Issue(client);
        http.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = Path,
            MaxAge = lifetime,
        });
        http.Response.Headers.Location = $"{http.Request.PathBase}{Path}/";
        return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>
    /// The dashboard's routes an operator needs: the page and its assets, the cluster's counters, silos, grain
    /// statistics and reminders. Left out: <c>/GrainState</c> (any grain's in-memory state; ours hold voucher codes
    /// and PINs), <c>/GrainTypes</c> (only that view uses it) and <c>/Trace</c> (a live stream of the silos' logs).
    /// Compared with the template of the endpoint routing matched, so no spelling of a path (a trailing slash, case,
    /// percent-encoding, dot segments) reaches a route that is not listed. A route a later dashboard version adds is
    /// refused until it is listed here.
    /// </summary>
    public static readonly FrozenSet<string> OperatorViews = new[]
    {
        "", "/index.html", "/favicon.ico", "/index.min.js", "/index.css", "/fonts/{**path}", "/img/{**path}", "/version",
        "/DashboardCounters", "/ClusterStats", "/Reminders", "/Reminders/{page:int}", "/HistoricalStats/{*path}",
        "/SiloProperties/{*address}", "/SiloMetadata/{*address}", "/SiloStats/{*address}", "/SiloCounters/{*address}",
        "/GrainStats/{*grainName}", "/TopGrainMethods", "/LifecycleStages",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static ValueTask<object?> OnlyOperatorViews(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        IsOperatorView(context.HttpContext.GetEndpoint())
            ? next(context)
            : ValueTask.FromResult<object?>(ApiProblems.Create(ApiProblems.Forbidden,
                "This dashboard view is not offered: grain state, grain types and the log trace stay out of the dashboard."));

    /// <summary>True for an endpoint whose route template, below <c>/dashboard</c>, is in <see cref="OperatorViews"/>.</summary>
    private static bool IsOperatorView(Endpoint? endpoint)
    {
        if ((endpoint as RouteEndpoint)?.RoutePattern.RawText is not { } template
            || !template.StartsWith(Path, StringComparison.Ordinal))
            return false;
        return OperatorViews.Contains(template[Path.Length..].TrimEnd('/'));
    }

    private const string LoginHtml = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>OrderSilo dashboard: sign in</title>
          <style>
            body { font-family: system-ui, sans-serif; max-width: 24rem; margin: 4rem auto; padding: 0 1rem; }
            label, input, button { display: block; width: 100%; box-sizing: border-box; margin: .4rem 0; }
            input, button { padding: .5rem; }
          </style>
        </head>
        <body>
          <h1>OrderSilo dashboard</h1>
          <p>Sign in with an operator client (scope <code>admin</code>). The session lasts as long as an access token.</p>
          <form method="post" action="login">
            <label>Client id <input name="client_id" autocomplete="username" required></label>
            <label>Client secret <input name="client_secret" type="password" autocomplete="current-password" required></label>
            <button type="submit">Sign in</button>
          </form>
        </body>
        </html>
        """;
}

using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderSilo.Api.Auth;

/// <summary><c>POST /oauth/token</c>: the OAuth 2.0 client credentials grant (RFC 6749 §4.4, errors as §5.2).</summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapToken(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/oauth/token", IssueToken)
            .DisableAntiforgery()
            .AllowAnonymous()
            .WithTags("Authentication")
            .WithSummary("Exchange client credentials for a bearer token")
            .Accepts<Dictionary<string, string>>("application/x-www-form-urlencoded")
            .Produces<TokenResponse>()
            .Produces<OAuthError>(StatusCodes.Status400BadRequest)
            .Produces<OAuthError>(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return routes;
    }

    public sealed record TokenResponse(
        [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn,
        [property: System.Text.Json.Serialization.JsonPropertyName("scope")] string Scope);

    public sealed record OAuthError(
        [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error,
        [property: System.Text.Json.Serialization.JsonPropertyName("error_description")] string Description);

    private static async Task<IResult> IssueToken(HttpContext http, IClusterClient cluster, TokenIssuer issuer, TimeProvider clock)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!http.Request.HasFormContentType)
            return OAuthFailure(http, 400, "invalid_request", "Send an application/x-www-form-urlencoded body.");
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (form["grant_type"] != "client_credentials")
            return OAuthFailure(http, 400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");

        var (clientId, secret, viaBasic) = ReadCredentials(http.Request, form);
        if (clientId is null || secret is null)
            return OAuthFailure(http, 401, "invalid_client", "Client credentials are missing.", viaBasic);
        var signIn = await SignInGate.SignInAsync(http, cluster, clientId, secret);
        if (signIn.BlockedUntil is { } until)
            return SignInGate.Blocked(http, until, clock);
        if (signIn.Client is not { } client)
            return OAuthFailure(http, 401, "invalid_client", "Unknown client, wrong secret, or a revoked client.", viaBasic);

        var requested = form["scope"].ToString();
        if (requested.Length > 0 && requested.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(s => s != client.Scope))
            return OAuthFailure(http, 400, "invalid_scope", $"This client may only ask for scope '{client.Scope}'.");

        var (token, lifetime) = issuer.Issue(client);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", (int)lifetime.TotalSeconds, client.Scope));
    }

    private static (string? Id, string? Secret, bool ViaBasic) ReadCredentials(HttpRequest request, IFormCollection form)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            && header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is { } encoded)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded)).Split(':', 2);
                // RFC 6749 §2.3.1: both parts are form-urlencoded before base64.
                return pair.Length == 2 ? (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]), true) : (null, null, true);
            }
            catch (FormatException)
            {
                return (null, null, true);
            }
        }
        var id = form["client_id"].ToString();
        var secret = form["client_secret"].ToString();
        return (id.Length > 0 ? id : null, secret.Length > 0 ? secret : null, false);
    }

    private static JsonHttpResult<OAuthError> OAuthFailure(HttpContext http, int status, string error, string description, bool viaBasic = false)
    {
        if (status == 401)
            http.Response.Headers.WWWAuthenticate = viaBasic ? "Basic realm=\"ordersilo\"" : "Bearer";
        return TypedResults.Json(new OAuthError(error, description), statusCode: status);
    }
}

using System.Security.Claims;

namespace OrderSilo.Api.Auth;

/// <summary>The claims OrderSilo puts in its access tokens, and how endpoints read them.</summary>
public static class TokenClaims
{
    public const string Subject = "sub";
    public const string Account = "acc";
    public const string HomeCompany = "co";
    public const string Scope = "scope";

    /// <summary>The caller's account: always from the token, never from the request.</summary>
    public static string AccountId(this ClaimsPrincipal user) =>
        user.FindFirstValue(Account) ?? throw new InvalidOperationException("The token carries no account.");

    public static string HomeCompanyId(this ClaimsPrincipal user) =>
        user.FindFirstValue(HomeCompany) ?? throw new InvalidOperationException("The token carries no home company.");

    public static string ClientId(this ClaimsPrincipal user) =>
        user.FindFirstValue(Subject) ?? throw new InvalidOperationException("The token carries no subject.");
}

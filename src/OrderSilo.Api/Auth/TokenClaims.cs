using System.Security.Claims;
using OrderSilo.Contracts.Common;

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

    /// <summary>The caller of a tenant path, as the grains judge it: its client and the token's account.</summary>
    public static Actor AsTenant(this ClaimsPrincipal user) => Actor.Tenant(user.ClientId(), user.AccountId());

    /// <summary>The caller of an admin path (the admin policy has checked the scope).</summary>
    public static Actor AsOperator(this ClaimsPrincipal user) => Actor.Operator(user.ClientId());
}

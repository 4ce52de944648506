using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrderSilo.Contracts.Accounts;

namespace OrderSilo.Api.Auth;

/// <summary>Signs access tokens (HS256) that any API host verifies without asking the cluster.</summary>
public sealed class TokenIssuer(IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    public (string Token, TimeSpan Lifetime) Issue(ApiClient client)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = options.Value.TokenLifetime;
        var claims = new Dictionary<string, object>
        {
            [TokenClaims.Subject] = client.ClientId,
            [TokenClaims.Scope] = client.Scope,
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        if (client.Scope == Scopes.Orders)
        {
            claims[TokenClaims.Account] = client.AccountId;
            claims[TokenClaims.HomeCompany] = client.HomeCompanyId;
        }
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.Issuer,
            Audience = AuthOptions.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(options.Value.SigningKeyBytes()), SecurityAlgorithms.HmacSha256),
        });
        return (token, lifetime);
    }

    public static TokenValidationParameters ValidationParameters(AuthOptions options) => new()
    {
        ValidIssuer = AuthOptions.Issuer,
        ValidAudience = AuthOptions.Audience,
        IssuerSigningKey = new SymmetricSecurityKey(options.SigningKeyBytes()),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = TokenClaims.Subject,
    };
}

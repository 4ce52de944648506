using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using OrderSilo.Api.Common;
using OrderSilo.Api.Observability;
using OrderSilo.Contracts.Accounts;

namespace OrderSilo.Api.Auth;

public static class AuthSetup
{
    public const string TenantPolicy = "tenant";
    public const string AdminPolicy = "admin";

    /// <summary>Bearer tokens verified locally; 401 and 403 answered as problem+json like every other error.</summary>
    public static IServiceCollection AddOrderSiloAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection("Auth")).ValidateDataAnnotations()
            .Validate(o => TryKey(o), "Auth:SigningKey must be base64 of at least 32 bytes.").ValidateOnStart();
        services.AddSingleton<TokenIssuer>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AuthOptions>>((jwt, auth) =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = TokenIssuer.ValidationParameters(auth.Value);
            jwt.Events = new JwtBearerEvents
            {
                // The dashboard's own requests come from a browser, which holds the token in the dashboard's cookie.
                OnMessageReceived = context =>
                {
                    if (context.Request.Headers.Authorization.Count == 0 && DashboardEndpoints.IsDashboardRequest(context.Request)
                        && context.Request.Cookies.TryGetValue(DashboardEndpoints.CookieName, out var token))
                    {
                        context.Token = token;
                    }
                    return Task.CompletedTask;
                },
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    context.Response.Headers.WWWAuthenticate = "Bearer";
                    var detail = context.AuthenticateFailure is null ? "Send a bearer token from POST /oauth/token." : "The bearer token is expired or invalid.";
                    if (DashboardEndpoints.IsDashboardRequest(context.Request))
                        detail += $" In a browser, sign in at {DashboardEndpoints.Path}/login.";
                    await ApiProblems.Create(ApiProblems.Unauthorized, detail).ExecuteAsync(context.HttpContext);
                },
                OnForbidden = context => ApiProblems.Create(ApiProblems.Forbidden, "This path needs another scope.").ExecuteAsync(context.HttpContext),
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(TenantPolicy, policy => policy.RequireClaim(TokenClaims.Scope, Scopes.Orders).RequireClaim(TokenClaims.Account))
            .AddPolicy(AdminPolicy, policy => policy.RequireClaim(TokenClaims.Scope, Scopes.Admin));
        return services;
    }

    private static bool TryKey(AuthOptions options)
    {
        try
        {
            options.SigningKeyBytes();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}

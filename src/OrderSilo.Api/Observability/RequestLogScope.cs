using System.Security.Claims;
using OrderSilo.Api.Auth;

namespace OrderSilo.Api.Observability;

/// <summary>
/// Every log line written while serving an authenticated request carries the calling client and its account as
/// fields (a logging scope), whichever component writes it.
/// </summary>
public static class RequestLogScope
{
    private static readonly Func<ILogger, string, string, IDisposable?> Scope =
        LoggerMessage.DefineScope<string, string>("Client {ClientId} of account {AccountId}");

    public static IApplicationBuilder UseRequestLogScope(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("OrderSilo.Api.Requests");
        return app.Use(async (context, next) =>
        {
            if (context.User.FindFirstValue(TokenClaims.Subject) is not { } clientId)
            {
                await next(context);
                return;
            }
            // Operators' tokens carry no account.
            using (Scope(logger, clientId, context.User.FindFirstValue(TokenClaims.Account) ?? ""))
                await next(context);
        });
    }
}

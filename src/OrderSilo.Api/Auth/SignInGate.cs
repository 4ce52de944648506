using System.Globalization;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Accounts;

namespace OrderSilo.Api.Auth;

/// <summary>
/// Every sign-in (<c>POST /oauth/token</c>, <c>POST /dashboard/login</c>) goes through the sign-in grain of its
/// source address, which counts failures per client id and address and refuses attempts while a block stands.
/// </summary>
public static class SignInGate
{
    public static Task<SignInResult> SignInAsync(HttpContext http, IClusterClient cluster, string clientId, string secret) =>
        cluster.GetGrain<ISignInGrain>(SourceAddress.Of(http)).SignIn(clientId, secret);

    /// <summary>429 <c>rate_limited</c> with <c>Retry-After</c> in whole seconds until the block ends.</summary>
    public static IResult Blocked(HttpContext http, DateTimeOffset until, TimeProvider clock)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ApiProblems.Create(ApiProblems.RateLimited,
            $"Too many failed sign-ins of this client from this address: retry after {seconds} s (at {until.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}).");
    }
}

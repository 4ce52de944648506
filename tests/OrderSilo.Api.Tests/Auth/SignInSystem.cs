using System.Security.Cryptography;

namespace OrderSilo.Api.Tests.Auth;

/// <summary>
/// A deployment of its own for the sign-in tests (one silo, one API host that believes X-Forwarded-For from
/// loopback, where the tests run), so that their failed sign-ins and revoked operator clients meet no other test.
/// Each test signs in "from" addresses of its own through the header; sign-in limits are the defaults (10 failures
/// of a client per address, 100 per address, blocks of 15 minutes), so no block ends within a test.
/// </summary>
public sealed class SignInSystem : IAsyncLifetime
{
    public OrderSiloSystem System { get; private set; } = null!;
    public ApiSession Admin { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        System = await OrderSiloSystem.StartAsync("signin", silos: 1, apiSettings: new Dictionary<string, string>
        {
            ["ForwardedHeaders__TrustedProxies__0"] = "127.0.0.1",
        }, keepAllOutput: true);
        Admin = await ApiSession.ForAdminAsync(System);
    }

    /// <summary>An address of the benchmark range 198.18.0.0/15 that no other test uses.</summary>
    public static string NewAddress()
    {
        var bytes = RandomNumberGenerator.GetBytes(3);
        return $"198.{18 + (bytes[0] & 1)}.{bytes[1]}.{bytes[2]}";
    }

    public async ValueTask DisposeAsync()
    {
        Admin?.Dispose();
        if (System is not null)
            await System.DisposeAsync();
    }
}

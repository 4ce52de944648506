namespace OrderSilo.Api.Tests.Operations;

/// <summary>A system of its own with a tiny per-client limit, so that the other tests never meet it.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task AClientOverItsRate_Gets429WithRetryAfter_AndOtherClientsDoNot()
    {
        await using var system = await OrderSiloSystem.StartAsync("ratelimit", silos: 1, apiSettings: new Dictionary<string, string>
        {
            ["RateLimits__PermitsPerSecond"] = "1",
            ["RateLimits__Burst"] = "5",
        });
        using var admin = await ApiSession.ForAdminAsync(system);
        using var busy = await admin.CreateTenantAsync();
        using var quiet = await admin.CreateTenantAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => busy.Http.GetAsync(new Uri("/api/v1/account", UriKind.Relative))));
        var other = await quiet.Http.GetAsync(new Uri("/api/v1/account", UriKind.Relative), TestContext.Current.CancellationToken);

        var limited = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(limited.Count, 10, 16);
        await Problems.AssertAsync(limited[0], 429, "rate_limited");
        Assert.True(int.Parse(limited[0].Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}

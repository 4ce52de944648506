using System.Globalization;
using static OrderSilo.Api.Tests.Auth.SignInRequests;

namespace OrderSilo.Api.Tests.Auth;

/// <summary>
/// Failed sign-ins are limited per (client id, source address) and per source address, on <c>/oauth/token</c> and
/// <c>/dashboard/login</c> alike; a block answers 429 <c>rate_limited</c> with <c>Retry-After</c>, refuses even the
/// right secret from there, and never another address. The limits are the defaults: 10 and 100.
/// </summary>
[Collection(SignInShared.Name)]
public sealed class SignInGuardTests(SignInSystem fixture)
{
    private const int ClientLimit = 10;
    private const int AddressLimit = 100;

    private Uri Api => fixture.System.ApiBaseAddress;

    [Fact]
    public async Task TenWrongSecrets_FromOneAddress_BlockThatClientThere_AndNowhereElse()
    {
        using var victim = await fixture.Admin.CreateTenantAsync();
        using var neighbour = await fixture.Admin.CreateTenantAsync();
        var (attacker, elsewhere) = (SignInSystem.NewAddress(), SignInSystem.NewAddress());
        var tokenBefore = await AccessTokenAsync(await TokenAsync(Api, victim.ClientId, victim.ClientSecret, attacker));

        var failures = new List<HttpStatusCode>();
        for (var i = 0; i < ClientLimit; i++)
            failures.Add((await TokenAsync(Api, victim.ClientId, "wrong-secret-" + i, attacker)).StatusCode);
        var blocked = await TokenAsync(Api, victim.ClientId, victim.ClientSecret, attacker);
        var fromElsewhere = await TokenAsync(Api, victim.ClientId, victim.ClientSecret, elsewhere);
        var neighbourThere = await TokenAsync(Api, neighbour.ClientId, neighbour.ClientSecret, attacker);

        Assert.All(failures, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        var problem = await Problems.AssertAsync(blocked, 429, "rate_limited");
        var retryAfter = int.Parse(blocked.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 15 * 60);
        Assert.Contains("retry after", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var token = await AccessTokenAsync(fromElsewhere);
        Assert.Equal(HttpStatusCode.OK, neighbourThere.StatusCode);

        // The caller sees its own block: where this client is blocked, and not where it is not.
        var seenThere = (await AccountAsync(Api, token, attacker))["user"]!["blockExpires"];
        var seenElsewhere = (await AccountAsync(Api, tokenBefore, elsewhere))["user"]!.AsObject();
        var expires = DateTimeOffset.Parse(seenThere!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.InRange(expires, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(16));
        Assert.True(seenElsewhere.ContainsKey("blockExpires"), seenElsewhere.ToJsonString());
        Assert.Null(seenElsewhere["blockExpires"]);
    }

    [Fact]
    public async Task TheDashboardSignIn_CountsWithTheTokenEndpoint_AndIsBlockedTheSameWay()
    {
        var operatorAddress = SignInSystem.NewAddress();
        var attacker = SignInSystem.NewAddress();
        var adminId = fixture.System.AdminClientId;

        for (var i = 0; i < ClientLimit / 2; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(Api, adminId, "wrong-secret-" + i, attacker)).StatusCode);
        for (var i = 0; i < ClientLimit / 2; i++)
            await Problems.AssertAsync(await DashboardAsync(Api, adminId, "wrong-secret-" + i, attacker), 401, "unauthorized");
        var blockedDashboard = await DashboardAsync(Api, adminId, fixture.System.AdminClientSecret, attacker);
        var blockedToken = await TokenAsync(Api, adminId, fixture.System.AdminClientSecret, attacker);
        var signedIn = await DashboardAsync(Api, adminId, fixture.System.AdminClientSecret, operatorAddress);

        await Problems.AssertAsync(blockedDashboard, 429, "rate_limited");
        Assert.True(blockedDashboard.Headers.Contains("Retry-After"));
        await Problems.AssertAsync(blockedToken, 429, "rate_limited");
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
    }

    [Fact]
    public async Task AHundredGuessesOfManyClientIds_FromOneAddress_BlockThatAddressForEveryClient()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var (guesser, elsewhere) = (SignInSystem.NewAddress(), SignInSystem.NewAddress());

        var failures = new List<HttpStatusCode>();
        for (var i = 0; i < AddressLimit; i++)
            failures.Add((await TokenAsync(Api, $"cli_guess{Guid.NewGuid():N}"[..24], "a-guess", guesser)).StatusCode);
        var rightSecretThere = await TokenAsync(Api, tenant.ClientId, tenant.ClientSecret, guesser);
        var rightSecretElsewhere = await TokenAsync(Api, tenant.ClientId, tenant.ClientSecret, elsewhere);

        Assert.All(failures, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        await Problems.AssertAsync(rightSecretThere, 429, "rate_limited");
        Assert.Equal(HttpStatusCode.OK, rightSecretElsewhere.StatusCode);
    }

    [Fact]
    public async Task ForwardedAddresses_FromAPeerThatIsNotATrustedProxy_AreIgnored()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        // No trusted proxies, as by default: every request counts under the peer's own address, 127.0.0.1.
        var (host, untrusted) = await fixture.System.StartAnotherApiAsync(settings: new Dictionary<string, string?>
        {
            ["ForwardedHeaders__TrustedProxies__0"] = null,
        });
        await using (host)
        {
            var failures = new List<HttpStatusCode>();
            for (var i = 0; i < ClientLimit; i++)
                failures.Add((await TokenAsync(untrusted, tenant.ClientId, "wrong-secret-" + i, SignInSystem.NewAddress())).StatusCode);
            var blocked = await TokenAsync(untrusted, tenant.ClientId, tenant.ClientSecret, SignInSystem.NewAddress());
            // Through the trusted host, from an address of its own, the client still signs in.
            var trusted = await TokenAsync(Api, tenant.ClientId, tenant.ClientSecret, SignInSystem.NewAddress());

            Assert.All(failures, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
            await Problems.AssertAsync(blocked, 429, "rate_limited");
            Assert.Equal(HttpStatusCode.OK, trusted.StatusCode);
        }
    }
}

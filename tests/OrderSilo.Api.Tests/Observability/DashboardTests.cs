using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace OrderSilo.Api.Tests.Observability;

/// <summary>The Orleans dashboard at /dashboard: the operator's only, by bearer token or by the sign-in cookie.</summary>
public sealed class DashboardTests(SystemFixture fixture) : IDisposable
{
    private readonly HttpClient _anonymous = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = fixture.System.ApiBaseAddress,
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _anonymous.Dispose();

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/DashboardCounters")]
    [InlineData("/dashboard/ClusterStats")]
    public async Task Dashboard_WithoutToken_Answers401_AndWithATenantToken403(string path)
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();

        var anonymous = await Problems.AssertAsync(await _anonymous.GetAsync(new Uri(path, UriKind.Relative), Cancel), 401, "unauthorized");
        await Problems.AssertAsync(await tenant.Http.GetAsync(new Uri(path, UriKind.Relative), Cancel), 403, "forbidden");
        Assert.Contains("/dashboard/login", anonymous["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ForTheOperator_ServesThePageAndShowsBothSilosActive()
    {
        var page = await fixture.Admin.Http.GetAsync(new Uri("/dashboard/", UriKind.Relative), Cancel);
        var counters = await CountersWithGrainStatsAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("index.min.js", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var active = counters["hosts"]!.AsArray().Where(h => h!["status"]!.GetValue<string>() == "Active").ToList();
        Assert.Equal(fixture.System.Silos.Count, active.Count);
        // The silos' collectors report to the dashboard's grain: this system's grain types are listed.
        Assert.Contains(counters["simpleGrainStats"]!.AsArray(), g => g!["grainType"]!.GetValue<string>().StartsWith("OrderSilo.Grains.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/dashboard/GrainState")]
    [InlineData("/dashboard/GrainState/")]
    [InlineData("/dashboard/grainstate")]
    [InlineData("/dashboard/GRAINSTATE/")]
    [InlineData("/dashboard/%47rainState")]
    [InlineData("/dashboard/GrainState%2F")]
    [InlineData("/dashboard/./GrainState")]
    [InlineData("/dashboard/x/../GrainState/")]
    [InlineData("/dashboard//GrainState")]
    [InlineData("/dashboard/GrainTypes")]
    [InlineData("/dashboard/Trace")]
    [InlineData("/dashboard/trace/")]
    public async Task Dashboard_ViewsOffTheList_AreRefusedToTheOperator_HoweverSpelled(string path)
    {
        // Sent as raw bytes: HttpClient would tidy the path (dot segments, %47) before the server saw it.
        var (status, body) = await RawGetAsync(path + "?grainId=ord_x&grainType=OrderSilo.Grains.Orders.OrderGrain");

        Assert.True(status is 403 or 404, $"{path} answered {status}: {body}");
    }

    [Theory]
    [InlineData("/dashboard/version")]
    [InlineData("/dashboard/ClusterStats/")]
    [InlineData("/dashboard/clusterstats")]
    [InlineData("/dashboard/Reminders")]
    [InlineData("/dashboard/Reminders/1")]
    [InlineData("/dashboard/TopGrainMethods")]
    [InlineData("/dashboard/index.min.js")]
    [InlineData("/dashboard/GrainStats/OrderSilo.Grains.Orders.OrderGrain")]
    public async Task Dashboard_ViewsOnTheList_AreServedToTheOperator(string path)
    {
        var (status, body) = await RawGetAsync(path);

        Assert.True(status == 200, $"{path} answered {status}: {body}");
    }

    [Fact]
    public async Task SignIn_WithOperatorCredentials_SetsACookieThatOpensTheDashboardOnly()
    {
        var signIn = await SignInAsync(fixture.System.AdminClientId, fixture.System.AdminClientSecret);

        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal("/dashboard/", signIn.Headers.Location?.OriginalString);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/dashboard", cookie, StringComparison.OrdinalIgnoreCase);
        var pair = cookie.Split(';')[0];

        var dashboard = await WithCookieAsync("/dashboard/ClusterStats", pair);
        var api = await WithCookieAsync("/api/v1/admin/accounts", pair);
        var metrics = await WithCookieAsync("/metrics", pair);

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        // The cookie is read on dashboard paths only: elsewhere a bearer token is needed, as always.
        await Problems.AssertAsync(api, 401, "unauthorized");
        await Problems.AssertAsync(metrics, 401, "unauthorized");
    }

    [Fact]
    public async Task SignIn_WithATenantsCredentials_Answers403_AndWithAWrongSecret401_WithoutCookie()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();

        var asTenant = await SignInAsync(tenant.ClientId, tenant.ClientSecret);
        var wrongSecret = await SignInAsync(fixture.System.AdminClientId, "not-the-secret");

        Assert.False(asTenant.Headers.Contains("Set-Cookie"));
        Assert.False(wrongSecret.Headers.Contains("Set-Cookie"));
        await Problems.AssertAsync(asTenant, 403, "forbidden");
        await Problems.AssertAsync(wrongSecret, 401, "unauthorized");
    }

    [Fact]
    public async Task SignInPage_IsAFormThatPostsTheCredentials()
    {
        var response = await _anonymous.GetAsync(new Uri("/dashboard/login", UriKind.Relative), Cancel);

        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("method=\"post\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"client_id\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"client_secret\" type=\"password\"", html, StringComparison.Ordinal);
    }

    /// <summary>The counters once the silos have reported grain statistics (they do every second).</summary>
    private async Task<JsonObject> CountersWithGrainStatsAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var counters = await ApiSession.ReadJsonAsync(await fixture.Admin.Http.GetAsync(new Uri("/dashboard/DashboardCounters", UriKind.Relative), Cancel), 200);
            if (counters["simpleGrainStats"]!.AsArray().Count > 0 || DateTime.UtcNow > deadline)
                return counters;
            await Task.Delay(500, Cancel);
        }
    }

    /// <summary>A GET with the operator's token, the path sent exactly as given; the status and the body.</summary>
    private async Task<(int Status, string Body)> RawGetAsync(string path)
    {
        var address = fixture.System.ApiBaseAddress;
        // A handler that never answers must fail the test, not hang it.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port, timeout.Token);
        await using var stream = tcp.GetStream();
        var token = fixture.Admin.Http.DefaultRequestHeaders.Authorization!.Parameter;
        var request = $"GET {path} HTTP/1.1\r\nHost: {address.Authority}\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync(timeout.Token);
        var status = int.Parse(response.Split(' ', 3)[1], CultureInfo.InvariantCulture);
        return (status, response);
    }

    private async Task<HttpResponseMessage> SignInAsync(string clientId, string secret)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = clientId, ["client_secret"] = secret });
        return await _anonymous.PostAsync(new Uri("/dashboard/login", UriKind.Relative), form, Cancel);
    }

    private async Task<HttpResponseMessage> WithCookieAsync(string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await _anonymous.SendAsync(request, Cancel);
    }
}

using System.Net.Http.Headers;
using System.Text;

namespace OrderSilo.Api.Tests.Auth;

public sealed class TokenTests(SystemFixture fixture) : IDisposable
{
    private readonly HttpClient _anonymous = new() { BaseAddress = fixture.System.ApiBaseAddress };

    public void Dispose() => _anonymous.Dispose();

    [Fact]
    public async Task Token_WithBasicCredentials_IssuesBearerTokenWithOrdersScope()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{tenant.ClientId}:{tenant.ClientSecret}")));

        var response = await _anonymous.SendAsync(request, TestContext.Current.CancellationToken);

        var token = await ApiSession.ReadJsonAsync(response, 200);
        Assert.Equal("Bearer", token["token_type"]!.GetValue<string>());
        Assert.Equal("orders", token["scope"]!.GetValue<string>());
        Assert.InRange(token["expires_in"]!.GetValue<int>(), 60, 86400);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Token_WithWrongSecret_AnswersInvalidClient()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();

        var response = await RequestToken(tenant.ClientId, "not-the-secret");

        var error = await ApiSession.ReadJsonAsync(response, 401);
        Assert.Equal("invalid_client", error["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_ForUnknownClient_AnswersInvalidClient()
    {
        var error = await ApiSession.ReadJsonAsync(await RequestToken("cli_nobody", "secret"), 401);
        Assert.Equal("invalid_client", error["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_WithOtherGrantType_AnswersUnsupportedGrantType()
    {
        var response = await _anonymous.PostAsync(new Uri("/oauth/token", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password" }), TestContext.Current.CancellationToken);

        var error = await ApiSession.ReadJsonAsync(response, 400);
        Assert.Equal("unsupported_grant_type", error["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_AskingForAdminScopeAsTenant_AnswersInvalidScope()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();

        var response = await RequestToken(tenant.ClientId, tenant.ClientSecret, scope: "admin");

        var error = await ApiSession.ReadJsonAsync(response, 400);
        Assert.Equal("invalid_scope", error["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_ForRevokedClient_AnswersInvalidClient()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();

        var revoke = await fixture.Admin.Http.DeleteAsync(
            new Uri($"/api/v1/admin/accounts/{tenant.AccountId}/clients/{tenant.ClientId}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        var error = await ApiSession.ReadJsonAsync(await RequestToken(tenant.ClientId, tenant.ClientSecret), 401);
        Assert.Equal("invalid_client", error["error"]!.GetValue<string>());
    }

    private Task<HttpResponseMessage> RequestToken(string clientId, string secret, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
            form["scope"] = scope;
        return _anonymous.PostAsync(new Uri("/oauth/token", UriKind.Relative), new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
    }
}

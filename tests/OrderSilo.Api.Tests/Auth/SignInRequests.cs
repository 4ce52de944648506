namespace OrderSilo.Api.Tests.Auth;

/// <summary>Sign-ins as a caller at <c>from</c> would send them through a trusted proxy (X-Forwarded-For).</summary>
internal static class SignInRequests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<HttpResponseMessage> TokenAsync(Uri api, string clientId, string secret, string from)
    {
        using var http = new HttpClient { BaseAddress = api };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = secret,
            }),
        };
        request.Headers.Add("X-Forwarded-For", from);
        var response = await http.SendAsync(request, Cancel);
        await response.Content.LoadIntoBufferAsync(Cancel);
        return response;
    }

    public static async Task<HttpResponseMessage> DashboardAsync(Uri api, string clientId, string secret, string from)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = api };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dashboard/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = clientId, ["client_secret"] = secret }),
        };
        request.Headers.Add("X-Forwarded-For", from);
        var response = await http.SendAsync(request, Cancel);
        await response.Content.LoadIntoBufferAsync(Cancel);
        return response;
    }

    /// <summary><c>GET /api/v1/account</c> with <paramref name="token"/>, from <paramref name="from"/>.</summary>
    public static async Task<JsonObject> AccountAsync(Uri api, string token, string from)
    {
        using var http = new HttpClient { BaseAddress = api };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/account");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Forwarded-For", from);
        return await ApiSession.ReadJsonAsync(await http.SendAsync(request, Cancel), 200);
    }

    public static async Task<string> AccessTokenAsync(HttpResponseMessage response) =>
        (await ApiSession.ReadJsonAsync(response, 200))["access_token"]!.GetValue<string>();
}

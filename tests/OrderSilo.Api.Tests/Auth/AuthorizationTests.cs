using System.Net.Http.Headers;

namespace OrderSilo.Api.Tests.Auth;

public sealed class AuthorizationTests(SystemFixture fixture)
{
    [Fact]
    public async Task Request_WithoutToken_AnswersUnauthorizedProblem()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.System.ApiBaseAddress };

        var response = await anonymous.GetAsync(new Uri("/api/v1/products", UriKind.Relative), TestContext.Current.CancellationToken);

        await Problems.AssertAsync(response, 401, "unauthorized");
    }

    [Fact]
    public async Task Request_WithForgedToken_AnswersUnauthorizedProblem()
    {
        using var forged = new HttpClient { BaseAddress = fixture.System.ApiBaseAddress };
        // Signed with a key the API hosts do not have.
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjbGlfeCIsInNjb3BlIjoiYWRtaW4iLCJpc3MiOiJvcmRlcnNpbG8iLCJhdWQiOiJvcmRlcnNpbG8tYXBpIiwiZXhwIjo0MTAyNDQ0ODAwfQ.c2lnbmF0dXJlLW1hZGUtdXAtYnktYW4tYXR0YWNrZXI");

        var response = await forged.GetAsync(new Uri("/api/v1/admin/accounts", UriKind.Relative), TestContext.Current.CancellationToken);

        await Problems.AssertAsync(response, 401, "unauthorized");
    }

    [Fact]
    public async Task TenantToken_OnAdminPath_AnswersForbidden()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();

        var response = await tenant.Http.GetAsync(new Uri("/api/v1/admin/accounts", UriKind.Relative), TestContext.Current.CancellationToken);

        await Problems.AssertAsync(response, 403, "forbidden");
    }

    [Fact]
    public async Task AdminToken_OnTenantPath_AnswersForbidden()
    {
        var response = await fixture.Admin.Http.GetAsync(new Uri("/api/v1/products", UriKind.Relative), TestContext.Current.CancellationToken);

        await Problems.AssertAsync(response, 403, "forbidden");
    }
}

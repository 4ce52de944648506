using System.Text.RegularExpressions;

namespace OrderSilo.Api.Tests.Operations;

public sealed class OperationsTests(SystemFixture fixture) : IDisposable
{
    private readonly HttpClient _anonymous = new() { BaseAddress = fixture.System.ApiBaseAddress };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _anonymous.Dispose();

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_WithoutToken_AnswersHealthy(string path)
    {
        var response = await _anonymous.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryEndpointOfTheContract()
    {
        var expected = new Dictionary<string, string[]>
        {
            ["/oauth/token"] = ["post"],
            ["/api/v1/orders"] = ["post"],
            ["/api/v1/orders/{orderId}"] = ["get"],
            ["/api/v1/orders/by-po/{poNumber}"] = ["get"],
            ["/api/v1/products"] = ["get"],
            ["/api/v1/products/{productId}"] = ["get"],
            ["/api/v1/products/by-code/{code}"] = ["get"],
            ["/api/v1/admin/products/{productId}"] = ["put"],
            ["/api/v1/admin/accounts"] = ["post", "get"],
            ["/api/v1/admin/accounts/{accountId}/clients"] = ["post"],
            ["/api/v1/admin/accounts/{accountId}/clients/{clientId}"] = ["delete"],
        };

        var response = await _anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancel);

        var document = await ApiSession.ReadJsonAsync(response, 200);
        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>());
        var paths = document["paths"]!.AsObject();
        var missing = expected
            .SelectMany(e => e.Value.Select(method => (Path: e.Key, Method: method)))
            .Where(e => paths[e.Path]?[e.Method] is not JsonObject)
            .Select(e => $"{e.Method.ToUpperInvariant()} {e.Path}")
            .ToList();
        Assert.True(missing.Count == 0,
            $"The OpenAPI document lacks {string.Join(", ", missing)}; its paths are {string.Join(", ", paths.Select(p => p.Key))}");
    }

    [Fact]
    public async Task ApiReferencePage_AnswersHtmlWhoseScriptsAndDocumentLoad()
    {
        var page = new Uri(fixture.System.ApiBaseAddress, "/scalar/v1");

        var response = await _anonymous.GetAsync(page, Cancel);

        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", body, StringComparison.OrdinalIgnoreCase);
        // What a browser does next: load the page's scripts, then the OpenAPI document they are configured with
        // (Scalar resolves a relative source against the application's root).
        var scripts = Regex.Matches(body, "<script[^>]* src=\"(?<src>[^\"]+)\"").Select(m => new Uri(page, m.Groups["src"].Value)).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            var loaded = await _anonymous.GetAsync(script, Cancel);
            Assert.True(loaded.StatusCode == HttpStatusCode.OK, $"{script}: {(int)loaded.StatusCode}");
        }
        var source = Regex.Match(body, "\"sources\":\\[\\{[^}]*\"url\":\"(?<url>[^\"]+)\"");
        Assert.True(source.Success, $"No OpenAPI source in the page: {body}");
        var document = new Uri(fixture.System.ApiBaseAddress, source.Groups["url"].Value.TrimStart('/'));
        Assert.Equal("/openapi/v1.json", document.AbsolutePath);
        var openApi = await ApiSession.ReadJsonAsync(await _anonymous.GetAsync(document, Cancel), 200);
        Assert.NotNull(openApi["paths"]?["/api/v1/orders"]);
    }
}

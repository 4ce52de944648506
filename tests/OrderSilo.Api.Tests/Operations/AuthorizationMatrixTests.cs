using System.Text;
using OrderSilo.Api.Tests.Webhooks;
using static OrderSilo.Api.Tests.Webhooks.WebhookSteps;

namespace OrderSilo.Api.Tests.Operations;

/// <summary>
/// <see cref="AuthorizationMatrix"/> against the served OpenAPI document. The document and the table name the same
/// operations, so an endpoint added later fails here until its row says what the trust model gives each caller; and
/// every operation is called by each of the four callers with the owner's ids in the path, expecting its row.
/// Nothing of the owner's changes on the way: an operation that takes a body gets an empty one (<c>{}</c>, or a form
/// without fields), which each refuses as invalid or takes as a change of nothing; the owner's order is completed
/// when placed, so the steps on it answer 409; within a row the callers it refuses go first, so they meet what the
/// path names as the owner has it; and a row that consumes what it names (<see cref="AuthorizationRow.Consumes"/>)
/// gets ids of its own. Afterwards the owner's order reads as it did before, and its webhook is still enabled.
/// </summary>
public sealed class AuthorizationMatrixTests(SystemFixture fixture)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheMatrix_HasOneRowForEachOperationOfTheDocument()
    {
        using var noToken = NoTokenClient();
        var operations = (await OperationsAsync(noToken)).Select(o => $"{o.Method} {o.Path}").ToList();
        var rows = AuthorizationMatrix.Rows.Select(r => r.Operation).ToList();

        var problems = operations.Except(rows).Select(o => $"{o}: no row, add a row to AuthorizationMatrix saying what each caller gets")
            .Concat(rows.Except(operations).Select(r => $"{r}: a row of AuthorizationMatrix for an operation the OpenAPI document does not have"))
            .Concat(rows.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {g.Count()} rows in AuthorizationMatrix"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task EveryOperation_AnswersEachCaller_AsItsRowSays()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var owner = await fixture.Admin.CreateTenantAsync();
        using var otherTenant = await fixture.Admin.CreateTenantAsync(uncappedCredit: false);
        using var noToken = NoTokenClient();
        var resources = await OwnersResources.CreateAsync(fixture.Admin, owner, receiver);
        var orderBefore = await GetOrderAsync(owner, resources.OrderId);
        var clients = new Dictionary<Caller, HttpClient>
        {
            [Caller.Owner] = owner.Http,
            [Caller.OtherTenant] = otherTenant.Http,
            [Caller.Operator] = fixture.Admin.Http,
            [Caller.NoToken] = noToken,
        };
        var wrong = new List<string>();

        foreach (var (method, template, bodyType) in await OperationsAsync(noToken))
        {
            var operation = $"{method} {template}";
            if (AuthorizationMatrix.Rows.FirstOrDefault(r => r.Operation == operation) is not { } row)
            {
                wrong.Add($"{operation}: no row, add a row to AuthorizationMatrix");
                continue;
            }
            var path = await resources.PathAsync(template, row.Consumes);
            foreach (var caller in Enum.GetValues<Caller>().OrderBy(c => row.For(c) == Access.Allowed))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
                request.Content = Probe(bodyType);
                using var response = await clients[caller].SendAsync(request, Cancel);
                var (access, answer) = await ReadAccessAsync(response);
                if (access != row.For(caller))
                    wrong.Add($"{operation} as {caller}: the row says {row.For(caller)}, the API answered {answer}");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} answers differ from AuthorizationMatrix:\n{string.Join('\n', wrong)}");
        Assert.Equal(orderBefore.ToJsonString(), (await GetOrderAsync(owner, resources.OrderId)).ToJsonString());
        Assert.True((await GetWebhookAsync(owner, resources.WebhookId))["enabled"]!.GetValue<bool>());
    }

    /// <summary>Every operation of the served document, with the media type of its request body if it takes one.</summary>
    private static async Task<List<(string Method, string Path, string? BodyType)>> OperationsAsync(HttpClient http)
    {
        var document = await ApiSession.ReadJsonAsync(await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancel), 200);
        return [.. from path in document["paths"]!.AsObject()
                   from operation in path.Value!.AsObject()
                   where Methods.Contains(operation.Key)
                   select (operation.Key.ToUpperInvariant(), path.Key, operation.Value?["requestBody"]?["content"]?.AsObject().Select(c => c.Key).FirstOrDefault())];
    }

    /// <summary>An empty body of the type the operation takes: a JSON object, or a form without fields.</summary>
    private static HttpContent? Probe(string? bodyType) => bodyType switch
    {
        null => null,
        "application/json" => new StringContent("{}", Encoding.UTF8, "application/json"),
        "application/x-www-form-urlencoded" => new FormUrlEncodedContent([]),
        _ => throw new InvalidOperationException($"No probe body of type {bodyType}: add one to {nameof(Probe)}."),
    };

    /// <summary>
    /// The answer as an <see cref="Access"/>, and as text for a failure. Allowed is an answer of the operation's own
    /// handler (2xx, or 400, 409, 422 about the request); anything else, such as 415 or 500, is none of them (null).
    /// </summary>
    private static async Task<(Access? Access, string Answer)> ReadAccessAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(Cancel);
        var answer = $"{status} {(body.Length > 300 ? body[..300] + "…" : body)}";
        if (status is not (401 or 403 or 404))
            return (status is (>= 200 and < 300) or 400 or 409 or 422 ? Access.Allowed : null, answer);
        var code = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? JsonNode.Parse(body)?["code"]?.GetValue<string>()
            : null;
        return ((status, code) switch
        {
            (401, "unauthorized") => Access.Unauthenticated,
            (403, "forbidden") => Access.Forbidden,
            (404, "not_found") => Access.Hidden,
            _ => null,
        }, answer);
    }

    private HttpClient NoTokenClient() => new() { BaseAddress = fixture.System.ApiBaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    private static async Task<JsonObject> GetOrderAsync(ApiSession owner, string orderId) =>
        await ApiSession.ReadJsonAsync(await owner.Http.GetAsync(new Uri($"/api/v1/orders/{orderId}", UriKind.Relative), Cancel), 200);
}

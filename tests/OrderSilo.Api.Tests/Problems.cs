namespace OrderSilo.Api.Tests;

/// <summary>Checks that an answer is RFC 9457 problem+json with the contract's status and code.</summary>
public static class Problems
{
    public static async Task<JsonObject> AssertAsync(HttpResponseMessage response, int status, string code, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(code, problem["code"]?.GetValue<string>());
        Assert.Equal(status, problem["status"]?.GetValue<int>());
        if (field is not null)
            Assert.True(problem["errors"]?[field] is not null, $"Expected errors to name '{field}': {body}");
        return problem;
    }
}

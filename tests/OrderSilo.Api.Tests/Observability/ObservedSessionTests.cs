using System.Text.Json;

namespace OrderSilo.Api.Tests.Observability;

/// <summary>What the hosts wrote and exported during a whole session (<see cref="ObservedSession"/>).</summary>
public sealed class ObservedSessionTests(ObservedSession session) : IClassFixture<ObservedSession>
{
    [Fact]
    public void Logs_OfAWholeSession_HoldNoSecretNoTokenAndNoVoucherCode()
    {
        Assert.True(session.Output.Count > 100, $"Only {session.Output.Count} lines were captured.");
        Assert.Contains(session.Secrets, s => s.What == "a voucher PIN");

        var leaks = session.Secrets
            .SelectMany(secret => session.Output.Where(o => o.Line.Contains(secret.Value, StringComparison.Ordinal))
                .Select(o => $"{secret.What} in the output of {o.Host}: {o.Line}"))
            .ToList();

        Assert.True(leaks.Count == 0, string.Join('\n', leaks));
    }

    [Fact]
    public void Logs_AreJsonObjects_OneALine()
    {
        var notJson = session.Output.Where(o => !IsJsonObject(o.Line)).Select(o => $"{o.Host}: {o.Line}").ToList();

        Assert.True(notJson.Count == 0, string.Join('\n', notJson.Take(20)));
    }

    [Fact]
    public void Logs_OfPlacements_CarryTheOrderIdPoNumberAndAccountAsFields()
    {
        var api = session.Output.Where(o => o.Host == "api" && IsJsonObject(o.Line)).Select(o => JsonNode.Parse(o.Line)!.AsObject()).ToList();

        var placed = Assert.Single(api, l => l["EventId"]!.GetValue<int>() == 1001 && Field(l, "PoNumber") == session.PoNumber);
        var replayed = Assert.Single(api, l => l["EventId"]!.GetValue<int>() == 1002 && Field(l, "PoNumber") == session.PoNumber);
        var rejected = Assert.Single(api, l => l["EventId"]!.GetValue<int>() == 1003 && Field(l, "PoNumber") == session.PoNumber);

        Assert.Equal((session.OrderId, session.AccountId), (Field(placed, "OrderId"), Field(placed, "AccountId")));
        Assert.Equal((session.OrderId, session.AccountId), (Field(replayed, "OrderId"), Field(replayed, "AccountId")));
        Assert.Equal(("po_number_reused", session.AccountId), (Field(rejected, "Code"), Field(rejected, "AccountId")));
        // The request's scope names the calling client and its account too.
        Assert.Contains(placed["Scopes"]!.AsArray(), s => s?["ClientId"]?.GetValue<string>() == session.ClientId
            && s["AccountId"]?.GetValue<string>() == session.AccountId);
    }

    [Fact]
    public void Otlp_ReceivedMetricsAndTracesFromBothHosts()
    {
        Assert.True(session.ExportsArrived(), $"Received: {session.Otlp.Summary()}");
    }

    private static string? Field(JsonObject line, string name) => line["State"]?[name]?.GetValue<string>();

    private static bool IsJsonObject(string line)
    {
        try
        {
            return JsonNode.Parse(line) is JsonObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

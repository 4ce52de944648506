using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrderSilo.Api.Tests.Webhooks;

/// <summary>
/// A real HTTP endpoint on loopback (Kestrel) that receives webhooks the way an integrator's would: it checks each
/// delivery's signature with <see cref="StandardWebhookVerifier"/> and answers what <see cref="Answer"/> says
/// (200 by default; a test makes it fail, or hold requests, for a while).
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private readonly SemaphoreSlim _arrived = new(0);

    /// <summary>One request as it arrived, and what it was answered (null while it is being held).</summary>
    internal sealed class Delivery
    {
        public required string WebhookId { get; init; }
        public required string? Timestamp { get; init; }
        public required string Body { get; init; }
        public required JsonObject Payload { get; init; }
        public required string? SignatureProblem { get; init; }
        public int? Answered { get; set; }

        public string Type => Payload["type"]!.GetValue<string>();
        public int Sequence => Payload["sequence"]!.GetValue<int>();
        public string OrderId => Payload["data"]!["orderId"]!.GetValue<string>();
    }

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The signing secret of the endpoint registered at <see cref="Url"/> (set right after registering).</summary>
    public string Secret { get; set; } = "";

    /// <summary>Decides each answer; may wait (a slow endpoint). A thrown exception drops the connection.</summary>
    public Func<Delivery, CancellationToken, Task<int>> Answer { get; set; } = (_, _) => Task.FromResult(200);

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<Delivery> Deliveries => [.. _deliveries];

    /// <summary>Deliveries answered 2xx, by webhook id (a retried or replayed one counts once).</summary>
    public IReadOnlyDictionary<string, Delivery> Accepted =>
        _deliveries.Where(d => d.Answered is >= 200 and <= 299).GroupBy(d => d.WebhookId).ToDictionary(g => g.Key, g => g.First());

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/{**rest}", receiver.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/hooks/" + Guid.NewGuid().ToString("N")[..8]);
        return receiver;
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var headers = context.Request.Headers;
        var delivery = new Delivery
        {
            WebhookId = headers["webhook-id"].ToString(),
            Timestamp = headers["webhook-timestamp"].ToString(),
            Body = System.Text.Encoding.UTF8.GetString(body),
            Payload = JsonNode.Parse(body)!.AsObject(),
            SignatureProblem = StandardWebhookVerifier.Problem(Secret, headers["webhook-id"], headers["webhook-timestamp"],
                headers["webhook-signature"], body, DateTimeOffset.UtcNow),
        };
        _deliveries.Enqueue(delivery);
        _arrived.Release();
        // A receiver that cannot verify a delivery refuses it, as the specification tells integrators to.
        var status = delivery.SignatureProblem is null ? await Answer(delivery, context.RequestAborted) : 400;
        delivery.Answered = status;
        context.Response.StatusCode = status;
    }

    /// <summary>Waits until <paramref name="done"/> holds for what arrived; fails with what did arrive.</summary>
    public async Task WaitUntilAsync(Func<WebhookReceiver, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!done(this))
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"Not received in {timeout}: {what}. Received: {Describe()}");
            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        }
    }

    public string Describe() =>
        string.Join("; ", _deliveries.Select(d => $"{d.WebhookId} {d.Payload["type"]} seq {d.Payload["sequence"]} -> {d.Answered?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "held"}"));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}

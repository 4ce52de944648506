using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace OrderSilo.Grains.Webhooks;

/// <summary>
/// POSTs signed deliveries. Redirects are not followed and no proxy is used; every connection goes to an address
/// checked at connect time (<see cref="WebhookUrlRules.Reachable"/>), so a host that re-resolves to a private
/// address after registration still cannot be reached. Only the status line is read, never the body.
/// </summary>
internal sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeProvider _clock;
    private readonly WebhookOptions _options;

    public WebhookSender(IOptions<WebhookOptions> options, TimeProvider clock)
    {
        _options = options.Value;
        _clock = clock;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = _options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = _options.PerEndpointConcurrency * 2,
            ConnectCallback = ConnectAsync,
        };
        _http = new HttpClient(handler) { Timeout = _options.Timeout };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("OrderSilo-Webhooks", "1"));
    }

    public async Task<WebhookDeliveryStore.Attempt> SendAsync(WebhookDeliveryStore.Endpoint endpoint, string webhookId, byte[] body, CancellationToken cancellation)
    {
        var at = _clock.GetUtcNow();
        var started = _clock.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var timestamp = at.ToUnixTimeSeconds();
        request.Headers.Add("webhook-id", webhookId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSigner.Sign(endpoint.Secret, webhookId, timestamp, body));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
            var status = (int)response.StatusCode;
            return new WebhookDeliveryStore.Attempt(at, status, Elapsed(started), WebhookRetryRules.IsSuccess(status) ? null : Describe(response),
                response.Headers.RetryAfter?.Delta ?? (response.Headers.RetryAfter?.Date - at));
        }
        catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return new WebhookDeliveryStore.Attempt(at, null, Elapsed(started), $"No answer within {_options.Timeout.TotalSeconds:0.###} s.", null);
        }
        catch (HttpRequestException error)
        {
            return new WebhookDeliveryStore.Attempt(at, null, Elapsed(started), Shorten(error.InnerException?.Message ?? error.Message), null);
        }
    }

    private static string Describe(HttpResponseMessage response) =>
        (int)response.StatusCode is >= 300 and <= 399
            ? $"HTTP {(int)response.StatusCode}: redirects are not followed; register the final URL."
            : $"HTTP {(int)response.StatusCode}.";

    private static string Shorten(string message) => message.Length <= 300 ? message : message[..300];

    private int Elapsed(long started) => (int)Math.Min(int.MaxValue, _clock.GetElapsedTime(started).TotalMilliseconds);

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellation)
    {
        var url = context.InitialRequestMessage.RequestUri!;
        var addresses = await WebhookAddresses.ResolveAsync(context.DnsEndPoint.Host, cancellation);
        var allowed = WebhookUrlRules.Reachable(url, addresses, _options.AllowLocalUrls);
        if (allowed.Length == 0)
            throw new HttpRequestException($"'{context.DnsEndPoint.Host}' resolves to no address webhooks may reach.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellation);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();
}

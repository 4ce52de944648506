using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace OrderSilo.Testing;

/// <summary>
/// A stand-in OpenTelemetry collector: accepts OTLP/HTTP (protobuf) exports on loopback and keeps each request's
/// path and body. Protobuf keeps strings as UTF-8, so names of services, metrics and spans can be found in a body.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _exports = new();
    private readonly Task _loop;

    private OtlpReceiver()
    {
        Endpoint = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public static OtlpReceiver Start() => new();

    /// <summary>True once an export to <paramref name="path"/> (<c>/v1/metrics</c>, <c>/v1/traces</c>) held every one of <paramref name="texts"/>.</summary>
    public bool Received(string path, params string[] texts) =>
        _exports.Any(e => e.Path == path && texts.All(t => e.Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(t)) >= 0));

    public string Summary() =>
        string.Join(", ", _exports.GroupBy(e => e.Path).Select(g => $"{g.Key}: {g.Count()} export(s)"));

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _exports.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            // An empty protobuf message is a valid Export*ServiceResponse: everything accepted.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}

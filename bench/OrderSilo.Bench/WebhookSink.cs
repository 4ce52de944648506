using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace OrderSilo.Bench;

/// <summary>
/// A webhook receiver on loopback for the webhook step: answers every delivery 200 at once and counts the distinct
/// event ids, so the step can wait until every order's events have arrived. (It does not check signatures: the
/// tests do.)
/// </summary>
internal sealed class WebhookSink : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, byte> _events = new();
    private readonly Task _loop;

    public WebhookSink()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/hook/");
            probe.Stop();
        }
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ListenAsync);
    }

    public Uri Url { get; }

    /// <summary>Distinct webhook ids received.</summary>
    public int Received => _events.Count;

    private async Task ListenAsync()
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
            _events.TryAdd(context.Request.Headers["webhook-id"] ?? "", 0);
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OrderSilo.Bench;

/// <summary>
/// OAuth 2.0 client-credentials tokens for one client, renewed ahead of expiry so that a long run never sends an
/// expired one. Safe to share across workers: the hot path reads a field, only renewal takes the lock.
/// </summary>
internal sealed class TokenSource(HttpClient http, string clientId, string clientSecret) : IDisposable
{
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private volatile AccessToken? _current;

    public async ValueTask<AccessToken> GetAsync(CancellationToken ct)
    {
        var token = _current;
        if (token is not null && Stopwatch.GetTimestamp() < token.RenewAfter)
        {
            return token;
        }

        await _renewal.WaitAsync(ct);
        try
        {
            token = _current;
            if (token is null || Stopwatch.GetTimestamp() >= token.RenewAfter)
            {
                _current = token = await RequestAsync(ct);
            }

            return token;
        }
        finally
        {
            _renewal.Release();
        }
    }

    public void Dispose() => _renewal.Dispose();

    private async Task<AccessToken> RequestAsync(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        // RFC 6749 §2.3.1: both parts are form-encoded before they are joined and base64-encoded.
        var basic = $"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}";
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic)));

        var requested = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException(
                $"POST /oauth/token for {clientId} answered {(int)response.StatusCode}: {OrderSiloApi.Truncate(body)}");
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var value = root.GetProperty("access_token").GetString()
            ?? throw new InvalidOperationException("the token response has a null access_token");
        var expiresIn = root.TryGetProperty("expires_in", out var e) && e.TryGetInt64(out var seconds) ? seconds : 300;
        var scope = root.TryGetProperty("scope", out var s) ? s.GetString() ?? "" : "";

        // Renew when 80% of the lifetime has passed, and at least 30 s before expiry when the lifetime allows.
        var margin = Math.Max(expiresIn * 0.2, Math.Min(30, expiresIn * 0.5));
        var renewAfter = requested + (long)((expiresIn - margin) * Stopwatch.Frequency);
        return new AccessToken(value, scope, renewAfter);
    }
}

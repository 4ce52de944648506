using System.Net;
using System.Net.Sockets;

namespace OrderSilo.Grains.Webhooks;

/// <summary>Name resolution for webhook URLs: at registration (to refuse) and at each connection (to enforce).</summary>
internal static class WebhookAddresses
{
    public static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellation)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
            return [literal];
        try
        {
            return await Dns.GetHostAddressesAsync(host, cancellation);
        }
        catch (SocketException)
        {
            return [];
        }
    }

    /// <summary>Why <paramref name="url"/> cannot be registered (its shape, then where it resolves), or null.</summary>
    public static async Task<(Uri? Url, string? Error)> CheckAsync(string? url, bool allowLocal)
    {
        var (uri, error) = WebhookUrlRules.Parse(url, allowLocal);
        if (uri is null)
            return (null, error);
        var addresses = await ResolveAsync(uri.IdnHost, CancellationToken.None);
        return WebhookUrlRules.AddressError(uri, addresses, allowLocal) is { } refused ? (null, refused) : (uri, null);
    }
}

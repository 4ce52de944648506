using System.Net;
using System.Net.Sockets;

namespace OrderSilo.Grains.Webhooks;

/// <summary>
/// Which URLs may receive webhooks. In production: <c>https</c> URLs whose host has only public addresses, so
/// that an endpoint cannot make the cluster call into its own network (SSRF). With
/// <see cref="WebhookOptions.AllowLocalUrls"/> (development, tests): also loopback, private and link-local
/// addresses, and plain <c>http</c> to those.
/// </summary>
public static class WebhookUrlRules
{
    public const int MaxLength = 2048;

    /// <summary>The URL parsed, or why it cannot be one (its addresses are checked separately).</summary>
    public static (Uri? Url, string? Error) Parse(string? url, bool allowLocal)
    {
        if (string.IsNullOrWhiteSpace(url))
            return (null, "Required.");
        if (url.Length > MaxLength)
            return (null, $"At most {MaxLength} characters.");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Host.Length == 0)
            return (null, "An absolute https URL.");
        if (uri.Scheme == "http" && !allowLocal)
            return (null, "Only https URLs receive webhooks.");
        if (uri.UserInfo.Length > 0)
            return (null, "No user name or password in the URL: verify the webhook's signature instead.");
        if (uri.Fragment.Length > 0)
            return (null, "No fragment (#…) in the URL.");
        return (uri, null);
    }

    /// <summary>
    /// The addresses of <paramref name="addresses"/> a webhook to <paramref name="url"/> may connect to: public ones
    /// over https; with <paramref name="allowLocal"/>, local ones too, and only local ones over http.
    /// </summary>
    public static IPAddress[] Reachable(Uri url, IEnumerable<IPAddress> addresses, bool allowLocal)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Scheme switch
        {
            "https" => [.. addresses.Where(a => allowLocal || IsPublic(a))],
            "http" when allowLocal => [.. addresses.Where(a => !IsPublic(a))],
            _ => [],
        };
    }

    /// <summary>Why a URL resolving to <paramref name="addresses"/> cannot be registered, or null.</summary>
    public static string? AddressError(Uri url, IReadOnlyCollection<IPAddress> addresses, bool allowLocal)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(addresses);
        if (addresses.Count == 0)
            return $"The host '{url.Host}' does not resolve.";
        // Every address must be usable: a host with one public and one private address could be steered to the latter.
        return Reachable(url, addresses, allowLocal).Length == addresses.Count
            ? null
            : url.Scheme == "http"
                ? $"Plain http is allowed only to loopback and private addresses, and '{url.Host}' resolves to a public one: use https."
                : $"The host '{url.Host}' resolves to a loopback, private, link-local or reserved address.";
    }

    /// <summary>True for a globally routable unicast address; false for loopback, private, link-local, shared, multicast, documentation and reserved ranges.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
            return IsPublicV4(address.GetAddressBytes());
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return false;
        var b = address.GetAddressBytes();
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
            return false;                                           // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
        if (b[0] is 0x00 && b[1] is 0x64 && b[2] is 0xff && b[3] is 0x9b)
            return IsPublicV4(b.AsSpan(12, 4).ToArray());           // 64:ff9b::/96, NAT64 of an IPv4 address
        if (b[0] is 0x20 && b[1] is 0x02)
            return IsPublicV4(b.AsSpan(2, 4).ToArray());            // 2002::/16, 6to4 of an IPv4 address
        if (b[0] is 0x20 && b[1] is 0x01 && b[2] is 0x0d && b[3] is 0xb8)
            return false;                                           // 2001:db8::/32, documentation
        if (b[0] is 0x20 && b[1] is 0x01 && b[2] is 0x00 && b[3] is 0x00)
            return false;                                           // 2001::/32, Teredo
        return (b[0] & 0xe0) == 0x20;                               // 2000::/3 is global unicast; fc00::/7, fe80::/10, ff00::/8 and the rest are not
    }

    private static bool IsPublicV4(byte[] b) => b switch
    {
        [0, ..] => false,                                   // 0.0.0.0/8, "this network"
        [10, ..] => false,                                  // private
        [100, >= 64 and <= 127, ..] => false,               // shared address space (carrier-grade NAT)
        [127, ..] => false,                                 // loopback
        [169, 254, ..] => false,                            // link-local (cloud metadata services live here)
        [172, >= 16 and <= 31, ..] => false,                // private
        [192, 0, 0, _] => false,                            // IETF protocol assignments
        [192, 0, 2, _] or [198, 51, 100, _] or [203, 0, 113, _] => false, // documentation
        [192, 88, 99, _] => false,                          // 6to4 relay anycast
        [192, 168, ..] => false,                            // private
        [198, 18 or 19, ..] => false,                       // benchmarking
        [>= 224, ..] => false,                              // multicast, reserved, broadcast
        _ => true,
    };
}

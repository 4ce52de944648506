using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OrderSilo.Api.Auth;

/// <summary>
/// Where a sign-in comes from, as the key its failures are counted under: the peer's address, or the address a
/// trusted proxy forwarded (docs/configuration.md, <c>ForwardedHeaders__TrustedProxies</c>). An IPv6 caller has a
/// /64 of its own to pick from, so it counts as its /64.
/// </summary>
public static class SourceAddress
{
    public static string Of(HttpContext http) => Of(http.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return string.Create(CultureInfo.InvariantCulture, $"{new IPAddress(bytes)}/64");
    }
}

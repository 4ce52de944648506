using System.ComponentModel.DataAnnotations;
using System.Net;

namespace OrderSilo.Silo;

/// <summary>The <c>Orleans</c> configuration section of a silo (docs/configuration.md).</summary>
public sealed class SiloHostOptions
{
    [Required] public string ClusterId { get; set; } = "ordersilo";
    [Required] public string ServiceId { get; set; } = "ordersilo";
    [Range(1, 65535)] public int SiloPort { get; set; } = 11111;
    [Range(1, 65535)] public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients use; empty = the first non-loopback IPv4 address.</summary>
    public string? AdvertisedIP { get; set; }

    public IPAddress ResolveAdvertisedAddress()
    {
        if (!string.IsNullOrWhiteSpace(AdvertisedIP))
        {
            return IPAddress.TryParse(AdvertisedIP, out var address)
                ? address
                : throw new InvalidOperationException($"Orleans:AdvertisedIP '{AdvertisedIP}' is not an IP address.");
        }
        return Dns.GetHostAddresses(Dns.GetHostName())
            .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }
}

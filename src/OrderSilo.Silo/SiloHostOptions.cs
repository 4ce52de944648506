using System.ComponentModel.DataAnnotations;
using System.Net;
using OrderSilo.Hosting;

namespace OrderSilo.Silo;

/// <summary>The <c>Orleans</c> configuration section of a silo (docs/configuration.md).</summary>
internal sealed class SiloHostOptions
{
    [Required] public string ClusterId { get; set; } = "ordersilo";
    [Required] public string ServiceId { get; set; } = "ordersilo";
    [Range(1, 65535)] public int SiloPort { get; set; } = 11111;
    [Range(1, 65535)] public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients use; empty = the first non-loopback IPv4 address.</summary>
    public string? AdvertisedIP { get; set; }

    /// <summary>The address the silo and gateway ports bind; empty = the advertised address (0.0.0.0 = every one).</summary>
    public string? ListenIP { get; set; }

    /// <summary>What data annotations cannot say: a parsable address and two distinct ports.</summary>
    public void Check(SettingsCheck check)
    {
        if (!string.IsNullOrWhiteSpace(AdvertisedIP) && !IPAddress.TryParse(AdvertisedIP, out _))
            check.Fail("Orleans:AdvertisedIP", $"is '{AdvertisedIP}', not an IP address.");
        if (!string.IsNullOrWhiteSpace(ListenIP) && !IPAddress.TryParse(ListenIP, out _))
            check.Fail("Orleans:ListenIP", $"is '{ListenIP}', not an IP address.");
        if (SiloPort == GatewayPort)
            check.Fail("Orleans:GatewayPort", $"is {GatewayPort}, the same as Orleans__SiloPort: each needs its own port.");
    }

    public IPAddress ResolveAdvertisedAddress() =>
        !string.IsNullOrWhiteSpace(AdvertisedIP)
            ? IPAddress.Parse(AdvertisedIP)
            : Dns.GetHostAddresses(Dns.GetHostName())
                .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
                ?? IPAddress.Loopback;

    public IPAddress ResolveListenAddress(IPAddress advertised) =>
        !string.IsNullOrWhiteSpace(ListenIP) ? IPAddress.Parse(ListenIP) : advertised;
}

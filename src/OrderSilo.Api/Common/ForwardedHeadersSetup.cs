using System.Net;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.AspNetCore.HttpOverrides;
using OrderSilo.Hosting;

namespace OrderSilo.Api.Common;

/// <summary>
/// <c>X-Forwarded-For</c> is believed only from the proxies listed in <c>ForwardedHeaders:TrustedProxies</c>
/// (addresses or networks); by default from none, so a caller cannot pick the address its sign-ins count under.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders:TrustedProxies";

    /// <summary>The listed proxies as networks (an address is a network of one); a malformed entry is a setting fault.</summary>
    public static IReadOnlyList<IPNetwork> Read(SettingsCheck check, IConfiguration configuration)
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in configuration.GetSection(Section).GetChildren())
        {
            var value = entry.Value?.Trim() ?? "";
            if (IPNetwork.TryParse(value, out var network))
                networks.Add(network);
            else if (IPAddress.TryParse(value, out var address))
                networks.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            else
                check.Fail(entry.Path, $"is '{value}': give an IP address (10.0.0.5) or a network (10.0.0.0/8).");
        }
        return networks;
    }

    /// <summary>Forwarded addresses replace the peer's only through a chain of trusted proxies; with none listed, never.</summary>
    public static void UseTrustedForwardedHeaders(this WebApplication app, IReadOnlyList<IPNetwork> trusted)
    {
        // With empty lists the middleware would trust every peer: leave it out altogether.
        if (trusted.Count == 0)
            return;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor, ForwardLimit = null };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var network in trusted)
            options.KnownIPNetworks.Add(network);
        app.UseForwardedHeaders(options);
    }
}

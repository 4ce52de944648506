using OrderSilo.Api.Auth;
using OrderSilo.Contracts.Common;
using OrderSilo.Hosting;

namespace OrderSilo.Api.Common;

/// <summary>The API host's settings, read and checked before anything starts (docs/configuration.md).</summary>
internal sealed record StartupSettings(string ConnectionString, int HttpPort, bool Dashboard, bool MetricsAllowAnonymous)
{
    public static StartupSettings Read(SettingsCheck check)
    {
        var connectionString = check.ConnectionString("ConnectionStrings:OrderSilo");
        check.Base64Key("Auth:SigningKey", AuthOptions.MinimumKeyBytes);
        check.Section<AuthOptions>("Auth");
        check.Section<RateLimits>("RateLimits");
        check.Section<ApiHostOptions>("Api");
        var httpPort = check.Port("ORDERSILO_HTTP_PORT", 5080);
        check.Flag("ORDERSILO_DEMO", true);
        foreach (var key in (string[])["ORDERSILO_ADMIN_CLIENT_ID", "ORDERSILO_DEMO_CLIENT_ID"])
        {
            if (check.Value(key) is { } id && !Ids.IsValid(id, "cli_"))
                check.Fail(key, $"is '{id}': a client id is cli_ followed by letters, digits, '_' or '-'.");
        }
        check.AbsoluteUri(TelemetrySetup.OtlpEndpointKey);
        return new StartupSettings(connectionString, httpPort, check.Flag("Dashboard:Enabled", true), check.Flag("Metrics:AllowAnonymous", false));
    }
}

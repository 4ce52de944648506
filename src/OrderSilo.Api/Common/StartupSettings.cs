using OrderSilo.Api.Auth;
using OrderSilo.Contracts.Common;
using OrderSilo.Hosting;

namespace OrderSilo.Api.Common;

/// <summary>The API host's settings, read and checked before anything starts (docs/configuration.md).</summary>
internal sealed record StartupSettings(
    string ConnectionString, int HttpPort, bool Dashboard, bool MetricsAllowAnonymous, IReadOnlyList<System.Net.IPNetwork> TrustedProxies,
    InputLimits Limits)
{
    /// <summary>The shortest client secret a host accepts from its configuration (a generated one has 43 characters).</summary>
    public const int MinimumSecretLength = 32;

    public static StartupSettings Read(SettingsCheck check, IConfiguration configuration)
    {
        var connectionString = check.ConnectionString("ConnectionStrings:OrderSilo");
        check.Base64Key("Auth:SigningKey", AuthOptions.MinimumKeyBytes);
        check.Section<AuthOptions>("Auth");
        check.Section<RateLimits>("RateLimits");
        check.Section<ApiHostOptions>("Api");
        var limits = check.Section<InputLimits>(InputLimits.Section);
        var httpPort = check.Port("ORDERSILO_HTTP_PORT", 5080);
        check.Flag("ORDERSILO_DEMO", true);
        foreach (var key in (string[])["ORDERSILO_ADMIN_CLIENT_ID", "ORDERSILO_DEMO_CLIENT_ID"])
        {
            if (check.Value(key) is { } id && !Ids.IsValid(id, "cli_"))
                check.Fail(key, $"is '{id}': a client id is cli_ followed by letters, digits, '_' or '-'.");
        }
        foreach (var key in (string[])["ORDERSILO_ADMIN_CLIENT_SECRET", "ORDERSILO_DEMO_CLIENT_SECRET"])
        {
            // Never the value: only its length.
            if (check.Value(key) is { } secret && secret.Length < MinimumSecretLength)
                check.Fail(key, $"is {secret.Length} characters long; a client secret needs at least {MinimumSecretLength} (head -c 32 /dev/urandom | base64).");
        }
        var trustedProxies = ForwardedHeadersSetup.Read(check, configuration);
        check.AbsoluteUri(TelemetrySetup.OtlpEndpointKey);
        return new StartupSettings(connectionString, httpPort, check.Flag("Dashboard:Enabled", true), check.Flag("Metrics:AllowAnonymous", false), trustedProxies, limits);
    }
}

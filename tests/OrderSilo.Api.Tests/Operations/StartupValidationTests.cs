namespace OrderSilo.Api.Tests.Operations;

/// <summary>
/// A host started with a missing or malformed setting stops at once: exit code 2 and one line naming the setting
/// as the environment variable that sets it. No database is needed, as nothing starts before the check.
/// </summary>
public sealed class StartupValidationTests
{
    private const string Api = "OrderSilo.Api";
    private const string Silo = "OrderSilo.Silo";
    private const string Database = "ConnectionStrings__OrderSilo=Host=127.0.0.1;Port=1;Database=none;Username=none";
    private const string Key = "Auth__SigningKey=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    [Theory]
    [InlineData(Api, Key, "ConnectionStrings__OrderSilo is not set")]
    [InlineData(Api, $"{Key}|ConnectionStrings__OrderSilo=Host=db;Bogus Keyword=1", "ConnectionStrings__OrderSilo is not a valid Npgsql connection string")]
    [InlineData(Api, $"{Key}|ConnectionStrings__OrderSilo=Username=x;Database=y", "ConnectionStrings__OrderSilo names no Host")]
    [InlineData(Api, Database, "Auth__SigningKey is not set")]
    [InlineData(Api, $"{Database}|Auth__SigningKey=not base64!", "Auth__SigningKey is not base64")]
    [InlineData(Api, $"{Database}|Auth__SigningKey=AAECAwQFBgcICQoLDA0ODw==", "Auth__SigningKey decodes to 16 bytes; it needs at least 32")]
    [InlineData(Api, $"{Database}|{Key}|ORDERSILO_HTTP_PORT=70000", "ORDERSILO_HTTP_PORT is 70000: give a port number from 1 to 65535")]
    [InlineData(Api, $"{Database}|{Key}|ORDERSILO_HTTP_PORT=http", "ORDERSILO_HTTP_PORT is 'http', not a whole number")]
    [InlineData(Api, $"{Database}|{Key}|Auth__TokenLifetime=forever", "Auth__TokenLifetime cannot be read as TimeSpan")]
    [InlineData(Api, $"{Database}|{Key}|Metrics__AllowAnonymous=yes", "Metrics__AllowAnonymous is 'yes': give true or false")]
    [InlineData(Api, $"{Database}|{Key}|ORDERSILO_ADMIN_CLIENT_ID=cli_ops|ORDERSILO_ADMIN_CLIENT_SECRET=0123456789abcdef0123456789abcde",
        "ORDERSILO_ADMIN_CLIENT_SECRET is 31 characters long; a client secret needs at least 32")]
    [InlineData(Api, $"{Database}|{Key}|ORDERSILO_DEMO_CLIENT_ID=cli_demo|ORDERSILO_DEMO_CLIENT_SECRET=short",
        "ORDERSILO_DEMO_CLIENT_SECRET is 5 characters long; a client secret needs at least 32")]
    [InlineData(Api, $"{Database}|{Key}|ForwardedHeaders__TrustedProxies__0=proxy.example",
        "ForwardedHeaders__TrustedProxies__0 is 'proxy.example': give an IP address (10.0.0.5) or a network (10.0.0.0/8)")]
    [InlineData(Silo, "", "ConnectionStrings__OrderSilo is not set")]
    [InlineData(Silo, $"{Database}|Orleans__SiloPort=eleven", "Orleans__SiloPort cannot be read as Int32")]
    [InlineData(Silo, $"{Database}|Orleans__SiloPort=0", "Orleans__SiloPort is not valid: The field SiloPort must be between 1 and 65535")]
    [InlineData(Silo, $"{Database}|Orleans__SiloPort=30000|Orleans__GatewayPort=30000", "Orleans__GatewayPort is 30000, the same as Orleans__SiloPort")]
    [InlineData(Silo, $"{Database}|Orleans__AdvertisedIP=silo.example", "Orleans__AdvertisedIP is 'silo.example', not an IP address")]
    [InlineData(Silo, $"{Database}|Metrics__Port=99999", "Metrics__Port is 99999: give a port number from 1 to 65535")]
    [InlineData(Silo, $"{Database}|Orleans__ListenIP=everywhere", "Orleans__ListenIP is 'everywhere', not an IP address")]
    [InlineData(Silo, $"{Database}|Orleans__Tls__Disabled=false", "Orleans__Tls__CertificatePath is not set")]
    [InlineData(Api, $"{Database}|{Key}|Orleans__Tls__CertificatePath=/nonexistent/cluster.crt", "Orleans__Tls__KeyPath is not set")]
    [InlineData(Api, $"{Database}|{Key}|Orleans__Tls__CertificatePath=/nonexistent/cluster.crt|Orleans__Tls__KeyPath=/nonexistent/cluster.key",
        "Orleans__Tls__CertificatePath and Orleans__Tls__KeyPath do not give a usable certificate and key")]
    [InlineData(Silo, $"{Database}|Orleans__Tls__Disabled=maybe", "Orleans__Tls__Disabled is 'maybe': give true or false")]
    [InlineData(Silo, $"{Database}|OrderSilo__Membership__ProbeTimeout=soon", "OrderSilo__Membership__ProbeTimeout cannot be read as TimeSpan")]
    [InlineData(Silo, $"{Database}|OrderSilo__SignIn__MaxFailuresPerClient=0", "OrderSilo__SignIn__MaxFailuresPerClient is not valid")]
    public async Task Host_WithABadSetting_ExitsWithCode2AndOneLineNamingIt(string project, string settings, string expected)
    {
        var environment = settings.Split('|', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);
        // Ports of their own, should a host get as far as binding them.
        environment.TryAdd("Orleans__SiloPort", "41111");
        environment.TryAdd("Orleans__GatewayPort", "41112");
        environment.TryAdd("Metrics__Port", "41113");
        // Every other row is about one other setting: the cluster's TLS must not add a line of its own.
        if (!environment.Keys.Any(key => key.StartsWith("Orleans__Tls__", StringComparison.Ordinal)))
            environment["Orleans__Tls__Disabled"] = "true";
        await using var host = HostProcess.Start(project, project, environment, keepAllOutput: true);

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(90));

        var output = string.Join('\n', host.AllOutput);
        Assert.True(exitCode == 2, $"exit code {exitCode}:\n{output}");
        var problems = host.AllOutput.Where(line => line.StartsWith($"{project}: setting ", StringComparison.Ordinal)).ToList();
        var problem = Assert.Single(problems);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_WithAMalformedConnectionString_DoesNotPrintItsPassword()
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__OrderSilo"] = "Host=db;Password=Sw0rdfish-Secret;Port=five",
            ["Auth__SigningKey"] = Key.Split('=', 2)[1],
            ["Orleans__Tls__Disabled"] = "true",
        };
        await using var host = HostProcess.Start(Api, Api, environment, keepAllOutput: true);

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(2, exitCode);
        var output = string.Join('\n', host.AllOutput);
        Assert.Contains("ConnectionStrings__OrderSilo is not a valid Npgsql connection string", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Sw0rdfish-Secret", output, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Security.Cryptography;

namespace OrderSilo.Testing;

/// <summary>
/// A whole OrderSilo deployment for tests: its own database on the test PostgreSQL, real silo processes joined
/// through ADO.NET clustering, and a real API host serving HTTP on loopback.
/// </summary>
public sealed class OrderSiloSystem : IAsyncDisposable
{
    private readonly List<HostProcess> _silos = [];
    private readonly List<Dictionary<string, string>> _siloEnvironments = [];
    private readonly List<HostProcess> _everyHost = [];
    private readonly bool _keepAllOutput;
    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string _clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
    private HostProcess? _api;

    private OrderSiloSystem(string connectionString, bool keepAllOutput, string? databasePassword)
    {
        ConnectionString = connectionString;
        _keepAllOutput = keepAllOutput;
        HostConnectionString = databasePassword is null
            ? connectionString
            : new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Password = databasePassword }.ConnectionString;
    }

    public string ConnectionString { get; }

    /// <summary>The connection string the hosts are given: <see cref="ConnectionString"/>, with the password if one was set.</summary>
    public string HostConnectionString { get; }
    /// <summary>The first API host's address, chosen before any silo starts: silos write pay page links under it.</summary>
    public Uri ApiBaseAddress { get; } = new($"http://127.0.0.1:{FreePort.Next()}");
    public string AdminClientId { get; } = "cli_admin_" + Guid.NewGuid().ToString("N")[..8];
    public string AdminClientSecret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
    public string SigningKey => _signingKey;
    public string ClusterId => _clusterId;
    public IReadOnlyList<HostProcess> Silos => _silos;
    private readonly List<HostProcess> _otherApis = [];

    /// <summary>The API hosts started with <see cref="StartAnotherApiAsync"/>, stopped ones included.</summary>
    public IReadOnlyList<HostProcess> AllApis() => _otherApis;
    private Dictionary<string, string>? _apiEnvironment;

    /// <summary>Silo <c>i</c>'s gateway port (<c>Orleans__GatewayPort</c>), where clients connect.</summary>
    public int GatewayPort(int index) => int.Parse(_siloEnvironments[index]["Orleans__GatewayPort"], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Silo <c>i</c>'s silo-to-silo port (<c>Orleans__SiloPort</c>).</summary>
    public int SiloPort(int index) => int.Parse(_siloEnvironments[index]["Orleans__SiloPort"], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Where silo <c>i</c> serves Prometheus text (<c>Metrics__Port</c>).</summary>
    public IReadOnlyList<Uri> SiloMetrics => [.. _siloEnvironments.Select(e => new Uri($"http://127.0.0.1:{e["Metrics__Port"]}/metrics"))];

    /// <param name="keepAllOutput">Keep every line every host writes (<see cref="AllOutput"/>), not only the last ones.</param>
    /// <param name="databasePassword">
    /// A password in the hosts' connection string; the test server trusts local connections and ignores it, so a
    /// test can look for it where it must not be.
    /// </param>
    public static async Task<OrderSiloSystem> StartAsync(
        string name, int silos, IReadOnlyDictionary<string, string>? siloSettings = null, IReadOnlyDictionary<string, string>? apiSettings = null,
        bool keepAllOutput = false, string? databasePassword = null)
    {
        var system = new OrderSiloSystem(await PostgresServer.CreateDatabaseAsync(name), keepAllOutput, databasePassword);
        try
        {
            for (var i = 0; i < silos; i++)
                system.AddSilo(siloSettings);
            await system.StartApiAsync(apiSettings);
            for (var i = 0; i < silos; i++)
                await system.WaitUntilSiloIsUpAsync(i, TimeSpan.FromSeconds(90));
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more silo process; <paramref name="settings"/> adds or overrides its configuration.</summary>
    public HostProcess AddSilo(IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__OrderSilo"] = HostConnectionString,
            ["Orleans__ClusterId"] = _clusterId,
            ["Orleans__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans__AdvertisedIP"] = "127.0.0.1",
            ["OrderSilo__PayPage__BaseUrl"] = ApiBaseAddress.ToString(),
            ["Metrics__Port"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Detect a killed silo within a few seconds rather than the production default.
            ["OrderSilo__Membership__ProbeTimeout"] = "00:00:02",
            ["OrderSilo__Membership__NumMissedProbesLimit"] = "2",
            ["OrderSilo__Membership__NumVotesForDeathDeclaration"] = "1",
        };
        foreach (var (key, value) in TestClusterCertificate.HostSettings.Concat(settings ?? new Dictionary<string, string>()))
            environment[key] = value;
        var silo = HostProcess.Start($"silo-{_silos.Count}", "OrderSilo.Silo", environment, _keepAllOutput);
        _everyHost.Add(silo);
        _silos.Add(silo);
        _siloEnvironments.Add(environment);
        return silo;
    }

    /// <summary>
    /// Starts silo <paramref name="index"/> again on its own address and ports, as a restarted machine would: the
    /// new generation keeps its port closed until the others declare the old one dead (PredecessorGate), then joins.
    /// <paramref name="settings"/> are applied on top.
    /// </summary>
    public async Task<HostProcess> RestartSiloAsync(int index, IReadOnlyDictionary<string, string>? settings = null, IEnumerable<string>? remove = null)
    {
        await _silos[index].KillAsync();
        var environment = _siloEnvironments[index];
        foreach (var key in remove ?? [])
            environment.Remove(key);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            environment[key] = value;
        _silos[index] = HostProcess.Start($"silo-{index}", "OrderSilo.Silo", environment, _keepAllOutput);
        _everyHost.Add(_silos[index]);
        return _silos[index];
    }

    public async Task StartApiAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__OrderSilo"] = HostConnectionString,
            ["Orleans__ClusterId"] = _clusterId,
            ["ASPNETCORE_URLS"] = ApiBaseAddress.ToString(),
            ["Auth__SigningKey"] = _signingKey,
            ["ORDERSILO_ADMIN_CLIENT_ID"] = AdminClientId,
            ["ORDERSILO_ADMIN_CLIENT_SECRET"] = AdminClientSecret,
            ["ORDERSILO_DEMO"] = "false",
        };
        foreach (var (key, value) in TestClusterCertificate.HostSettings.Concat(settings ?? new Dictionary<string, string>()))
            environment[key] = value;
        _apiEnvironment = environment;
        _api = HostProcess.Start("api", "OrderSilo.Api", environment, _keepAllOutput);
        _everyHost.Add(_api);
        await WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>
    /// Starts another API host like the first on <paramref name="address"/> (a fresh port when null, or the port of
    /// one stopped before, as a restarted host would come back), and waits until it is ready. <paramref name="settings"/>
    /// adds or overrides its configuration; a null value removes a setting of the first host.
    /// </summary>
    public async Task<(HostProcess Host, Uri Address)> StartAnotherApiAsync(Uri? address = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        address ??= new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var environment = new Dictionary<string, string>(_apiEnvironment!) { ["ASPNETCORE_URLS"] = address.ToString() };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            if (value is null)
                environment.Remove(key);
            else
                environment[key] = value;
        }
        var host = HostProcess.Start($"api-{address.Port}", "OrderSilo.Api", environment, _keepAllOutput);
        _everyHost.Add(host);
        _otherApis.Add(host);
        await WaitUntilReadyAsync(address, host, TimeSpan.FromSeconds(90));
        return (host, address);
    }

    /// <summary>
    /// Waits for silo <paramref name="index"/>'s <c>/health/live</c>, which answers once the silo has joined the
    /// cluster; fails with the hosts' recent output if it does not come.
    /// </summary>
    public async Task WaitUntilSiloIsUpAsync(int index, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var health = new Uri(SiloMetrics[index], "/health/live");
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_silos[index].HasExited)
        {
            try
            {
                if ((await http.GetAsync(health)).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Silo {index} was not up in {timeout}.\n{RecentOutput()}");
    }

    /// <summary>Waits for <c>/health/ready</c>; fails with the hosts' recent output if it does not come.</summary>
    public Task WaitUntilReadyAsync(TimeSpan timeout) => WaitUntilReadyAsync(ApiBaseAddress, _api!, timeout);

    private async Task WaitUntilReadyAsync(Uri address, HostProcess api, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (api.HasExited)
                break;
            try
            {
                if ((await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The API host was not ready in {timeout}.\n{RecentOutput()}");
    }

    /// <summary>Every line every host of this system has written so far, restarted ones included (keepAllOutput).</summary>
    public IReadOnlyList<(string Host, string Line)> AllOutput() =>
        [.. _everyHost.SelectMany(host => host.AllOutput.Select(line => (host.Name, line)))];

    /// <summary>The recent output of every host, for failure messages.</summary>
    public string RecentOutput() =>
        $"--- api ---\n{_api?.RecentOutput}\n" + string.Join('\n', _silos.Select(s => $"--- {s.Name} ---\n{s.RecentOutput}"));

    /// <summary>Stops the API host, then the silos, gracefully (SIGTERM), as an operator would.</summary>
    public async Task StopAsync()
    {
        if (_api is not null)
            await _api.StopAsync(TimeSpan.FromSeconds(30));
        await Task.WhenAll(_silos.Select(s => s.StopAsync(TimeSpan.FromSeconds(30))));
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_otherApis.Select(a => a.DisposeAsync().AsTask()));
        if (_api is not null)
            await _api.DisposeAsync();
        await Task.WhenAll(_silos.Select(s => s.DisposeAsync().AsTask()));
    }
}

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
    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string _clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
    private HostProcess? _api;

    private OrderSiloSystem(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }
    public Uri ApiBaseAddress { get; private set; } = null!;
    public string AdminClientId { get; } = "cli_admin_" + Guid.NewGuid().ToString("N")[..8];
    public string AdminClientSecret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
    public IReadOnlyList<HostProcess> Silos => _silos;

    public static async Task<OrderSiloSystem> StartAsync(string name, int silos)
    {
        var system = new OrderSiloSystem(await PostgresServer.CreateDatabaseAsync(name));
        try
        {
            for (var i = 0; i < silos; i++)
                system.AddSilo();
            await system.StartApiAsync();
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    public HostProcess AddSilo()
    {
        var silo = HostProcess.Start($"silo-{_silos.Count}", "OrderSilo.Silo", new Dictionary<string, string>
        {
            ["ConnectionStrings__OrderSilo"] = ConnectionString,
            ["Orleans__ClusterId"] = _clusterId,
            ["Orleans__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans__AdvertisedIP"] = "127.0.0.1",
            // Detect a killed silo within a few seconds rather than the production default.
            ["Orleans__Membership__ProbeTimeout"] = "00:00:02",
            ["Orleans__Membership__NumMissedProbesLimit"] = "2",
            ["Orleans__Membership__NumVotesForDeathDeclaration"] = "1",
        });
        _silos.Add(silo);
        return silo;
    }

    public async Task StartApiAsync()
    {
        var port = FreePort.Next();
        ApiBaseAddress = new Uri($"http://127.0.0.1:{port}");
        _api = HostProcess.Start("api", "OrderSilo.Api", new Dictionary<string, string>
        {
            ["ConnectionStrings__OrderSilo"] = ConnectionString,
            ["Orleans__ClusterId"] = _clusterId,
            ["ASPNETCORE_URLS"] = ApiBaseAddress.ToString(),
            ["Auth__SigningKey"] = _signingKey,
            ["ORDERSILO_ADMIN_CLIENT_ID"] = AdminClientId,
            ["ORDERSILO_ADMIN_CLIENT_SECRET"] = AdminClientSecret,
            ["ORDERSILO_DEMO"] = "false",
        });
        await WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>Waits for <c>/health/ready</c>; fails with the hosts' recent output if it does not come.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = ApiBaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_api!.HasExited)
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
        throw new TimeoutException($"The API host was not ready in {timeout}.\n--- api ---\n{_api!.RecentOutput}\n"
            + string.Join('\n', _silos.Select(s => $"--- {s.Name} ---\n{s.RecentOutput}")));
    }

    public async ValueTask DisposeAsync()
    {
        if (_api is not null)
            await _api.DisposeAsync();
        await Task.WhenAll(_silos.Select(s => s.DisposeAsync().AsTask()));
    }
}

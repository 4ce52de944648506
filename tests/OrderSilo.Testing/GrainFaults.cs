using System.Globalization;
using OrderSilo.FaultInjection;

namespace OrderSilo.Testing;

/// <summary>
/// Silo settings that load tests/OrderSilo.FaultInjection into the real silo process, and the faults it reports:
/// grain calls to or from a grain whose key contains <see cref="Marker"/> fail at random; <see cref="BugMarker"/>
/// always fails with an ArgumentException.
/// </summary>
public static class GrainFaults
{
    public const string Marker = RandomFaults.DefaultMarker;
    public const string BugMarker = RandomFaults.DefaultBugMarker;
    private const string LinePrefix = RandomFaults.LinePrefix;

    public static Dictionary<string, string> SiloSettings(double rate)
    {
        var assembly = RepositoryRoot.HostDll("OrderSilo.FaultInjection");
        if (!File.Exists(assembly))
            throw new InvalidOperationException($"{assembly} is missing: build the solution first.");
        return new()
        {
            ["DOTNET_STARTUP_HOOKS"] = assembly,
            ["ASPNETCORE_HOSTINGSTARTUPASSEMBLIES"] = "OrderSilo.FaultInjection",
            ["ORDERSILO_FAULTS_MARKER"] = Marker,
            ["ORDERSILO_FAULTS_BUG_MARKER"] = BugMarker,
            ["ORDERSILO_FAULTS_RATE"] = rate.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The faults the silos injected so far, as "kind when" (e.g. "codec-less after") with their counts.</summary>
    public static Dictionary<string, int> Injected(OrderSiloSystem system) => system.AllOutput()
        .Select(l => l.Line)
        .Where(line => line.StartsWith(LinePrefix, StringComparison.Ordinal))
        .Select(line => string.Join(' ', line[LinePrefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2)))
        .GroupBy(kind => kind)
        .ToDictionary(g => g.Key, g => g.Count());
}

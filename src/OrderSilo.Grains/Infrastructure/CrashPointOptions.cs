namespace OrderSilo.Grains.Infrastructure;

/// <summary>
/// Test-only crash points (section <c>OrderSilo:CrashPoints</c>), off unless configured: they let the crash tests
/// kill a silo process at an exact step of the exactly-once protocol instead of hoping a kill lands there.
/// </summary>
public sealed class CrashPointOptions
{
    /// <summary>When set, the silo process dies right after durably claiming a poNumber that starts with this.</summary>
    public string? AfterClaimPoNumberPrefix { get; set; }

    public void AfterClaim(string poNumber)
    {
        if (!string.IsNullOrEmpty(AfterClaimPoNumberPrefix) && poNumber.StartsWith(AfterClaimPoNumberPrefix, StringComparison.Ordinal))
            Environment.FailFast($"Crash point: after claiming poNumber '{poNumber}', before creating its order.");
    }
}

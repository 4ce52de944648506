namespace OrderSilo.Grains.Infrastructure;

/// <summary>
/// Test-only crash points (section <c>OrderSilo:CrashPoints</c>), off unless configured: they let the crash tests
/// kill a silo process at an exact step of the exactly-once protocol instead of hoping a kill lands there.
/// </summary>
public sealed class CrashPointOptions
{
    /// <summary>When set, the silo process dies right after durably claiming a poNumber that starts with this.</summary>
    public string? AfterClaimPoNumberPrefix { get; set; }

    /// <summary>
    /// When set, the silo dies once every record of an atomic batch whose first poNumber starts with this is
    /// prepared (claimed, credit reserved), before the batch's commit record is written.
    /// </summary>
    public string? AfterBatchPreparePoNumberPrefix { get; set; }

    /// <summary>When set, the silo dies right after writing the commit record of such a batch, before any order.</summary>
    public string? AfterBatchCommitPoNumberPrefix { get; set; }

    public void AfterClaim(string poNumber) => CrashIf(AfterClaimPoNumberPrefix, poNumber, "after claiming poNumber {0}, before creating its order");

    public void AfterBatchPrepare(string poNumber) => CrashIf(AfterBatchPreparePoNumberPrefix, poNumber, "after preparing the batch of poNumber {0}, before its commit record");

    public void AfterBatchCommit(string poNumber) => CrashIf(AfterBatchCommitPoNumberPrefix, poNumber, "after the commit record of the batch of poNumber {0}, before its orders");

    private static void CrashIf(string? prefix, string poNumber, string step)
    {
        if (!string.IsNullOrEmpty(prefix) && poNumber.StartsWith(prefix, StringComparison.Ordinal))
            Environment.FailFast("Crash point: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, step, $"'{poNumber}'") + ".");
    }
}

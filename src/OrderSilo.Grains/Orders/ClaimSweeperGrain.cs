using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Grains.Orders;

/// <summary>
/// The roll-forward of last resort: a client that crashed with its request may never retry, so claims still
/// listed in <c>order_claims</c> after the grace period are completed here. Resuming is the same idempotent
/// path a retry takes, so a sweep racing a retry is harmless.
/// </summary>
[GrainType("claimsweeper")]
internal sealed partial class ClaimSweeperGrain(
    NpgsqlDataSource database,
    IGrainFactory grains,
    TimeProvider clock,
    IOptions<ClaimSweeperOptions> options,
    ILogger<ClaimSweeperGrain> logger) : Grain, IClaimSweeperGrain, IRemindable
{
    private const string ReminderName = "sweep-claims";

    public async Task Start() => await this.RegisterOrUpdateReminder(ReminderName, options.Value.Period, options.Value.Period);

    public async Task ReceiveReminder(string reminderName, TickStatus status) => await Sweep();

    public async Task<int> Sweep()
    {
        await using var command = database.CreateCommand(
            "select account_id, po_number from order_claims where claimed_at < $1 order by claimed_at limit $2");
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() - options.Value.Grace });
        command.Parameters.Add(new NpgsqlParameter { Value = options.Value.BatchSize });
        var stale = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                stale.Add($"{reader.GetString(0)}/{reader.GetString(1)}");
        }
        foreach (var key in stale)
        {
            try
            {
                await grains.GetGrain<IPoNumberGrain>(key).Resume();
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // One failing claim must not stop the others; it is tried again next period.
                LogResumeFailed(logger, error, key);
            }
        }
        if (stale.Count > 0)
            LogResumed(logger, stale.Count);
        return stale.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resuming claim {PoNumberKey} failed")]
    private static partial void LogResumeFailed(ILogger logger, Exception error, string poNumberKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed {Count} stale poNumber claims")]
    private static partial void LogResumed(ILogger logger, int count);
}

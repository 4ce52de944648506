using Npgsql;

namespace OrderSilo.Bench;

/// <summary>
/// Reads the database's commit counter. PostgreSQL 15+ keeps each backend's counters locally and flushes them at
/// most once a second while busy and, once idle, only after 10 s (PGSTAT_IDLE_INTERVAL); another session cannot
/// force that flush. So a reading is taken only after the load has been quiet for <see cref="SettleTime"/>, which
/// makes every commit of the step visible; the background commits of that quiet time are subtracted afterwards.
/// </summary>
internal sealed class CommitCounter(NpgsqlDataSource dataSource)
{
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(11);

    public async Task<CommitReading> ReadAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var clear = new NpgsqlCommand("select pg_stat_clear_snapshot()", connection))
        {
            await clear.ExecuteNonQueryAsync(ct);
        }

        await using var read = new NpgsqlCommand(
            "select xact_commit from pg_stat_database where datname = current_database()", connection);
        var commits = await read.ExecuteScalarAsync(ct) as long?
            ?? throw new InvalidOperationException("pg_stat_database has no row for the current database");
        return new CommitReading(commits, System.Diagnostics.Stopwatch.GetTimestamp());
    }

    /// <summary>Waits until every backend has flushed its counters, then reads.</summary>
    public async Task<CommitReading> SettleAndReadAsync(CancellationToken ct)
    {
        await Task.Delay(SettleTime, ct);
        return await ReadAsync(ct);
    }

    public async Task<string> ServerVersionAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand("show server_version", connection);
        return await command.ExecuteScalarAsync(ct) as string ?? "unknown";
    }
}

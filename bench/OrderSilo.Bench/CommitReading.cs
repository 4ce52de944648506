using System.Diagnostics;

namespace OrderSilo.Bench;

/// <summary><c>pg_stat_database.xact_commit</c> of the system's database at one moment.</summary>
internal sealed record CommitReading(long Commits, long Timestamp)
{
    public CommitWindow Since(CommitReading before) =>
        new(Commits - before.Commits, Stopwatch.GetElapsedTime(before.Timestamp, Timestamp));
}

using Npgsql;

namespace OrderSilo.Bench;

/// <summary>
/// The yardstick: how many idempotent single-row inserts PostgreSQL itself commits per second on this machine,
/// each statement its own autocommit transaction, through the same driver the silos use.
/// </summary>
internal static class ReferenceBenchmark
{
    private const string Table = "bench_reference";

    // About the size of a small order row's text; the figure is about commits, not bytes.
    private static readonly string Payload = new('x', 200);

    public static async Task<LoadResult> RunAsync(
        string connectionString, int connections, TimeSpan duration, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = connections + 1,
            ApplicationName = "ordersilo-bench-reference",
        };
        // Its own pool, disposed at the end, so its connections do not stay open while the system is measured.
        await using var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        await ExecuteAsync(dataSource, $"""
            drop table if exists {Table};
            create table {Table} (id text primary key, payload text not null, created_at timestamptz not null)
            """, ct);

        try
        {
            var sessions = new NpgsqlConnection[connections];
            var inserts = new NpgsqlCommand[connections];
            try
            {
                // Connect and prepare before the clock starts: the figure is steady-state commits.
                for (var i = 0; i < connections; i++)
                {
                    sessions[i] = await dataSource.OpenConnectionAsync(ct);
                    inserts[i] = new NpgsqlCommand(
                        $"insert into {Table} (id, payload, created_at) values ($1, $2, now()) on conflict (id) do nothing",
                        sessions[i]);
                    inserts[i].Parameters.Add(new NpgsqlParameter<string> { TypedValue = "" });
                    inserts[i].Parameters.Add(new NpgsqlParameter<string> { TypedValue = Payload });
                    await inserts[i].PrepareAsync(ct);
                }

                var run = Guid.NewGuid().ToString("N")[..8];
                return await ClosedLoop.RunAsync("reference insert", connections, duration, async (worker, sequence, token) =>
                {
                    var insert = inserts[worker];
                    ((NpgsqlParameter<string>)insert.Parameters[0]).TypedValue = $"{run}-{worker}-{sequence}";
                    var inserted = await insert.ExecuteNonQueryAsync(token);
                    return inserted == 1 ? null : ("not inserted", $"{inserted} rows for a fresh id");
                }, ct);
            }
            finally
            {
                foreach (var insert in inserts)
                {
                    if (insert is not null)
                    {
                        await insert.DisposeAsync();
                    }
                }

                foreach (var session in sessions)
                {
                    if (session is not null)
                    {
                        await session.DisposeAsync();
                    }
                }
            }
        }
        finally
        {
            await ExecuteAsync(dataSource, $"drop table if exists {Table}", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }
}

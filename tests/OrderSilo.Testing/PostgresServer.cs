using Npgsql;

namespace OrderSilo.Testing;

/// <summary>
/// The PostgreSQL server of a test run: the one <c>ORDERSILO_TEST_PG</c> names (test.sh starts it), or else a
/// private server this process starts with <c>scripts/pg.sh</c> (installing PostgreSQL if needed) and stops at
/// exit. Tests never skip for want of a database: when no server can be had, they fail saying why.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<Task<string>> Server = new(StartAsync);
    private static int _databases;

    /// <summary>A new, empty database with the schema of <c>sql/</c> applied; answers its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var server = await Server.Value;
        var name = $"t_{purpose}_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}".ToLowerInvariant();
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 100 }.ConnectionString;
        await ApplySchemaAsync(connectionString);
        return connectionString;
    }

    /// <summary>Applies every file of <c>sql/</c> in name order, each as one command, as the hosts' deployers do.</summary>
    public static async Task ApplySchemaAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "sql"), "*.sql").Order(StringComparer.Ordinal))
        {
            await using var command = new NpgsqlCommand(await File.ReadAllTextAsync(file), connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<string> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("ORDERSILO_TEST_PG") is { Length: > 0 } given)
            return given;
        var script = Path.Combine(RepositoryRoot.Path, "scripts", "pg.sh");
        var dir = Directory.CreateTempSubdirectory("ordersilo-pg.").FullName;
        var port = await Shell.RunAsync("bash", script, "free-port", "56000");
        await Shell.RunAsync("bash", script, "start", dir, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Shell.RunAsync("bash", script, "stop", dir).GetAwaiter().GetResult();
            Directory.Delete(dir, recursive: true);
        };
        var url = await Shell.RunAsync("bash", script, "url", dir, port);
        return new NpgsqlConnectionStringBuilder(url) { Database = "postgres" }.ConnectionString;
    }
}

using Npgsql;

namespace OrderSilo.Grains.Tests.Cluster;

/// <summary>Reads and writes the test database directly, with positional parameters (<c>$1</c>, <c>$2</c>, …).</summary>
internal static class Sql
{
    public static async Task<T?> ScalarAsync<T>(string connectionString, string sql, params object?[] arguments)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = Command(connection, sql, arguments);
        var value = await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        return value is null or DBNull ? default : (T)value;
    }

    public static async Task<int> ExecuteAsync(string connectionString, string sql, params object?[] arguments)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = Command(connection, sql, arguments);
        return await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<List<object?[]>> RowsAsync(string connectionString, string sql, params object?[] arguments)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = Command(connection, sql, arguments);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object?[] arguments)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var argument in arguments)
            command.Parameters.Add(new NpgsqlParameter { Value = argument ?? DBNull.Value });
        return command;
    }
}

using Npgsql;
using NpgsqlTypes;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Grains.Accounts;

/// <summary>
/// The SQL of <c>balance_transactions</c> (sql/12_ordersilo_balance.sql): a company's movements, each under the key
/// that makes it once. Only the company grain appends, one batch per statement.
/// </summary>
internal sealed class BalanceLedger(NpgsqlDataSource database)
{
    /// <summary>A movement to append, with the key that identifies it within its company.</summary>
    public sealed record Entry(string Key, BalanceTransaction Row);

    private const string Columns = "seq, kind, amount, balance_after, currency, order_id, reference, actor, created_at";

    /// <summary>The company's latest movement, or null when it has none.</summary>
    public async Task<BalanceTransaction?> LastAsync(string companyId)
    {
        await using var command = database.CreateCommand($"select {Columns} from balance_transactions where company_id = $1 order by seq desc limit 1");
        command.Parameters.Add(new NpgsqlParameter { Value = companyId });
        return await SingleAsync(command);
    }

    /// <summary>The movement made under <paramref name="key"/>, or null.</summary>
    public async Task<BalanceTransaction?> FindAsync(string companyId, string key)
    {
        await using var command = database.CreateCommand($"select {Columns} from balance_transactions where company_id = $1 and movement_key = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = companyId });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        return await SingleAsync(command);
    }

    /// <summary>
    /// Appends movements in one statement, so in one commit: all of them or, on any conflict (a key made before, a
    /// sequence number another activation took), none.
    /// </summary>
    public async Task AppendAsync(string companyId, IReadOnlyList<Entry> entries)
    {
        await using var command = database.CreateCommand("""
            insert into balance_transactions (company_id, seq, movement_key, kind, amount, balance_after, currency, order_id, reference, actor, created_at)
            select $1, e.* from unnest($2::bigint[], $3::text[], $4::text[], $5::numeric[], $6::numeric[], $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[]) as e
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = companyId });
        Add(command, entries.Select(e => e.Row.Sequence).ToArray());
        Add(command, entries.Select(e => e.Key).ToArray());
        Add(command, entries.Select(e => e.Row.Kind).ToArray());
        Add(command, entries.Select(e => e.Row.Amount).ToArray());
        Add(command, entries.Select(e => e.Row.BalanceAfter).ToArray());
        Add(command, entries.Select(e => e.Row.Currency).ToArray());
        Add(command, entries.Select(e => e.Row.OrderId).ToArray());
        Add(command, entries.Select(e => e.Row.Reference).ToArray());
        Add(command, entries.Select(e => e.Row.Actor).ToArray());
        Add(command, entries.Select(e => e.Row.CreatedAt.UtcDateTime).ToArray());
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Up to <paramref name="limit"/> movements, newest first, older than <paramref name="before"/> when given.</summary>
    public async Task<List<BalanceTransaction>> ListAsync(string companyId, long? before, int limit)
    {
        await using var command = database.CreateCommand($"""
            select {Columns} from balance_transactions
            where company_id = $1 and ($2::bigint is null or seq < $2)
            order by seq desc
            limit $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = companyId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)before ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var rows = new List<BalanceTransaction>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(Read(reader));
        return rows;
    }

    private static void Add<T>(NpgsqlCommand command, T[] values) => command.Parameters.Add(new NpgsqlParameter { Value = values });

    private static async Task<BalanceTransaction?> SingleAsync(NpgsqlCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    /// <summary>Amounts come back at the column's scale: shown again at the currency's minor unit.</summary>
    private static BalanceTransaction Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        Currencies.Round(reader.GetDecimal(2), reader.GetString(4)),
        Currencies.Round(reader.GetDecimal(3), reader.GetString(4)),
        reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.GetString(7),
        new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(8), DateTimeKind.Utc)));
}

using System.Text.Json;
using Npgsql;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Grains.Infrastructure;
using Orleans.Concurrency;

namespace OrderSilo.Grains.Accounts;

[StatelessWorker]
internal sealed class AccountQueryGrain(NpgsqlDataSource database) : Grain, IAccountQueryGrain
{
    public async Task<IReadOnlyList<Account>> List(string? afterAccountId, int limit)
    {
        await using var command = database.CreateCommand(
            "select doc from accounts where account_id > $1 order by account_id limit $2");
        command.Parameters.Add(new NpgsqlParameter { Value = afterAccountId ?? "" });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync();
        var accounts = new List<Account>();
        while (await reader.ReadAsync())
            accounts.Add(JsonSerializer.Deserialize<Account>(reader.GetString(0), StateJson.Options)!);
        return accounts;
    }
}

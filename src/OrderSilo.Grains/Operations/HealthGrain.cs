using Npgsql;
using OrderSilo.Contracts.Operations;
using Orleans.Concurrency;

namespace OrderSilo.Grains.Operations;

[StatelessWorker]
internal sealed class HealthGrain(NpgsqlDataSource database) : Grain, IHealthGrain
{
    public async Task CheckDatabase()
    {
        await using var command = database.CreateCommand("select 1");
        await command.ExecuteScalarAsync();
    }
}

using System.Text.Json;
using Npgsql;
using OrderSilo.Contracts.Catalog;
using OrderSilo.Grains.Infrastructure;
using Orleans.Concurrency;

namespace OrderSilo.Grains.Catalog;

[StatelessWorker]
internal sealed class CatalogQueryGrain(NpgsqlDataSource database) : Grain, ICatalogQueryGrain
{
    public async Task<IReadOnlyList<Product>> List(string? afterProductId, int limit)
    {
        await using var command = database.CreateCommand(
            "select doc from products where product_id > $1 order by product_id limit $2");
        command.Parameters.Add(new NpgsqlParameter { Value = afterProductId ?? "" });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync();
        var products = new List<Product>();
        while (await reader.ReadAsync())
            products.Add(JsonSerializer.Deserialize<Product>(reader.GetString(0), StateJson.Options)!);
        return products;
    }

    public async Task<string?> FindIdByCode(string code)
    {
        await using var command = database.CreateCommand("select product_id from products where code = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = code });
        return await command.ExecuteScalarAsync() as string;
    }
}

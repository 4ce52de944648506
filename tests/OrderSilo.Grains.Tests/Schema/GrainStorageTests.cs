using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using OrderSilo.Contracts.Catalog;
using OrderSilo.Grains.Tests.Catalog;
using OrderSilo.Grains.Tests.Cluster;
using Orleans.Storage;

namespace OrderSilo.Grains.Tests.Schema;

/// <summary>ADO.NET grain storage against <c>sql/02_orleans_persistence.sql</c>.</summary>
[Collection(SharedCluster.Name)]
public sealed class GrainStorageTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;
    private string ServiceId => fixture.Cluster.Options.ServiceId;

    [Fact]
    public async Task ProductState_IsStoredAsCamelCaseJson_AndReadBackAfterReactivation()
    {
        var product = TestProducts.Voucher("EUR", 10m, 20.5m) with { Description = "Round trip" };
        var grain = Grains.GetGrain<IProductGrain>(product.ProductId);
        var put = await grain.Put(product);

        var rows = await StoredRowsAsync("product", product.ProductId);
        await fixture.Cluster.DeactivateAsync(grain);
        var stillActive = fixture.Cluster.TryGetGrainContext(grain.GetGrainId(), out _);
        var reread = await grain.Get();

        var (payload, version) = Assert.Single(rows);
        using var json = JsonDocument.Parse(payload);
        Assert.Equal(["product"], json.RootElement.EnumerateObject().Select(property => property.Name));
        var stored = json.RootElement.GetProperty("product");
        Assert.Equal(product.ProductId, stored.GetProperty("productId").GetString());
        Assert.Equal(product.Code, stored.GetProperty("code").GetString());
        Assert.Equal(20.5m, stored.GetProperty("denominations")[1].GetDecimal());
        Assert.Equal(1, version);
        Assert.Equal(product.Code, await Sql.ScalarAsync<string>(fixture.ConnectionString,
            "select code from products where product_id = $1", product.ProductId));
        Assert.False(stillActive);
        Assert.Equivalent(put.Value, reread, strict: true);
    }

    [Fact]
    public async Task WriteToStorageKey_WithAStaleVersion_AnswersNullAndChangesNothing()
    {
        var key = "contract-" + Guid.NewGuid().ToString("N");
        var query = await Sql.ScalarAsync<string>(fixture.ConnectionString,
            "select querytext from orleansquery where querykey = 'WriteToStorageKey'");
        await using var connection = await Sql.OpenAsync(fixture.ConnectionString);

        var first = await WriteAsync(connection, query!, key, version: null, """{"n":1}""");
        var second = await WriteAsync(connection, query!, key, first, """{"n":2}""");
        var stale = await WriteAsync(connection, query!, key, first, """{"n":3}""");
        var secondFirstWrite = await WriteAsync(connection, query!, key, version: null, """{"n":4}""");

        Assert.Equal(1, first);
        Assert.Equal(2, second);
        Assert.Null(stale);
        Assert.Null(secondFirstWrite);
        Assert.Equal([("""{"n":2}""", 2)], await StoredRowsAsync("contractTest", key));
    }

    [Fact]
    public async Task Put_AfterTheStoredVersionMovedBehindTheGrainsBack_FailsAndThenSucceedsOnANewActivation()
    {
        var product = await TestTenant.PutProductAsync(Grains, TestProducts.FixedPrice(12m));
        var grain = Grains.GetGrain<IProductGrain>(product.ProductId);
        var bumped = await Sql.ExecuteAsync(fixture.ConnectionString,
            "update orleansstorage set version = version + 1 where serviceid = $1 and graintypestring = 'product' and grainidextensionstring = $2",
            ServiceId, product.ProductId);

        var conflict = await Record.ExceptionAsync(() => grain.Put(product with { Name = "Lost update" }));
        var nameAfterConflict = await Sql.ScalarAsync<string>(fixture.ConnectionString,
            "select name from products where product_id = $1", product.ProductId);
        var retried = await grain.Put(product with { Name = "Written after reactivation" });
        var reread = await grain.Get();

        Assert.Equal(1, bumped);
        Assert.IsType<InconsistentStateException>(conflict);
        Assert.Equal(product.Name, nameAfterConflict);
        Assert.Null(retried.Error);
        Assert.Equal("Written after reactivation", reread?.Name);
        var (payload, version) = Assert.Single(await StoredRowsAsync("product", product.ProductId));
        Assert.Contains("Written after reactivation", payload, StringComparison.Ordinal);
        Assert.Equal(3, version);
    }

    private async Task<List<(string Payload, int Version)>> StoredRowsAsync(string stateName, string key)
    {
        var rows = await Sql.RowsAsync(fixture.ConnectionString,
            """
            select convert_from(payloadbinary, 'UTF8'), version from orleansstorage
            where serviceid = $1 and graintypestring = $2 and grainidextensionstring = $3
            """, ServiceId, stateName, key);
        return [.. rows.Select(row => ((string)row[0]!, (int)row[1]!))];
    }

    // Binds what Orleans binds, typed as Orleans types them (int, bigint, text, bytea).
    private async Task<int?> WriteAsync(NpgsqlConnection connection, string query, string key, int? version, string payload)
    {
        await using var command = new NpgsqlCommand(query, connection);
        command.Parameters.Add(new NpgsqlParameter("GrainIdHash", NpgsqlDbType.Integer) { Value = 1 });
        command.Parameters.Add(new NpgsqlParameter("GrainIdN0", NpgsqlDbType.Bigint) { Value = 0L });
        command.Parameters.Add(new NpgsqlParameter("GrainIdN1", NpgsqlDbType.Bigint) { Value = 0L });
        command.Parameters.Add(new NpgsqlParameter("GrainTypeHash", NpgsqlDbType.Integer) { Value = 2 });
        command.Parameters.Add(new NpgsqlParameter("GrainTypeString", NpgsqlDbType.Text) { Value = "contractTest" });
        command.Parameters.Add(new NpgsqlParameter("GrainIdExtensionString", NpgsqlDbType.Text) { Value = key });
        command.Parameters.Add(new NpgsqlParameter("ServiceId", NpgsqlDbType.Text) { Value = ServiceId });
        command.Parameters.Add(new NpgsqlParameter("GrainStateVersion", NpgsqlDbType.Integer) { Value = (object?)version ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("PayloadBinary", NpgsqlDbType.Bytea) { Value = Encoding.UTF8.GetBytes(payload) });
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) as int?;
    }
}

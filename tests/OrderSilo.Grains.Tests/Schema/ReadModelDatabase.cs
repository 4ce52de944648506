using OrderSilo.Testing;

namespace OrderSilo.Grains.Tests.Schema;

/// <summary>A database of its own with the schema of <c>sql/</c>, for tests that change it inside a transaction.</summary>
public sealed class ReadModelDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = null!;

    public async ValueTask InitializeAsync() => ConnectionString = await PostgresServer.CreateDatabaseAsync("readmodel");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

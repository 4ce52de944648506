using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OrderSilo.Grains.Orders;
using OrderSilo.Grains.Payments;
using OrderSilo.Grains.Pricing;
using OrderSilo.Grains.Webhooks;

namespace OrderSilo.Grains.Infrastructure;

public static class SiloBuilderExtensions
{
    /// <summary>The ADO.NET invariant name under which Orleans finds Npgsql's provider factory.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// Clustering, grain storage (one provider per grain family, JSON state) and reminders on one PostgreSQL
    /// database whose schema is <c>sql/</c>; plus the read-model data source and the claim sweeper.
    /// </summary>
    public static ISiloBuilder UseOrderSiloPostgres(this ISiloBuilder silo, string connectionString, bool clustering = true)
    {
        connectionString = ForOrleans(connectionString);
        if (clustering)
        {
            silo.UseAdoNetClustering(options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = connectionString;
            });
        }
        foreach (var name in StorageNames.All)
        {
            silo.AddAdoNetGrainStorage(name, options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = connectionString;
                options.GrainStorageSerializer = new JsonGrainStateSerializer();
            });
        }
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });

        silo.AddIncomingGrainCallFilter<DatabaseExceptionFilter>();
        silo.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddKeyedSingleton(LifecycleOptions.ClockKey, (services, _) => services.GetRequiredService<TimeProvider>());
        silo.Services.AddOptions<ClaimSweeperOptions>();
        silo.Services.AddOptions<CrashPointOptions>();
        silo.Services.AddOptions<LifecycleOptions>();
        silo.Services.AddOptions<PaymentGatewayOptions>();
        // The sandbox until a real provider is registered before this call (TryAdd keeps the first).
        silo.Services.TryAddSingleton<IPaymentGateway, SandboxPaymentGateway>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ClaimSweeperStarter>();
        silo.Services.AddSingleton<PricingCache>();
        silo.Services.AddOptions<WebhookOptions>().Validate(o => o.Validate() is null, "OrderSilo:Webhooks has a setting out of range (see docs/webhooks.md).").ValidateOnStart();
        silo.Services.AddSingleton<WebhookDeliveryStore>();
        silo.Services.AddSingleton<WebhookSender>();
        silo.Services.AddHostedService<WebhookDispatcher>();
        silo.Services.AddPlacementDirector<SiloPinnedPlacement, SiloPinnedPlacementDirector>();
        return silo;
    }

    /// <summary>
    /// Orleans' queries and ours leave no session state behind, so Npgsql's DISCARD ALL on returning a pooled
    /// connection is pure cost (it doubled the transactions per order); and the same few statements run on every
    /// order, so Npgsql prepares them once per connection instead of having PostgreSQL parse them each time.
    /// </summary>
    public static string ForOrleans(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        if (builder.MaxAutoPrepare == 0)
            builder.MaxAutoPrepare = 20;
        return builder.ConnectionString;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
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
        silo.Services.AddSingleton(_ => NpgsqlDataSource.Create(ForReadModel(connectionString)));
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddKeyedSingleton(LifecycleOptions.ClockKey, (services, _) => services.GetRequiredService<TimeProvider>());
        silo.Services.TryAddKeyedSingleton(Accounts.SignInOptions.ClockKey, (services, _) => services.GetRequiredService<TimeProvider>());
        silo.Services.AddOptions<Accounts.SignInOptions>();
        silo.Services.AddSingleton<Accounts.UnknownClientCache>();
        silo.Services.AddOptions<ClaimSweeperOptions>();
        silo.Services.AddOptions<CrashPointOptions>();
        silo.Services.AddOptions<LifecycleOptions>();
        silo.Services.AddOptions<PaymentGatewayOptions>();
        silo.Services.AddOptions<PayPageOptions>();
        // The sandbox until a real provider is registered before this call (TryAdd keeps the first).
        silo.Services.TryAddSingleton<IPaymentGateway, SandboxPaymentGateway>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ClaimSweeperStarter>();
        silo.Services.AddSingleton<PricingCache>();
        silo.Services.AddOptions<WebhookOptions>().ValidateOnStart();
        silo.Services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidation>();
        silo.Services.AddSingleton<WebhookDeliveryStore>();
        silo.Services.AddSingleton<Accounts.BalanceLedger>();
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

    /// <summary>
    /// The read-model queries' sessions plan every statement for its actual values, even one Npgsql has prepared:
    /// the best index for an order-list page with several filters depends on how many orders each value matches,
    /// and the generic plan PostgreSQL may settle on after a few executions of a prepared statement would take one
    /// index for every value.
    /// </summary>
    public static string ForReadModel(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"{builder.Options} -c plan_cache_mode=force_custom_plan".TrimStart();
        return builder.ConnectionString;
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderSilo.Grains.Infrastructure;
using OrderSilo.Grains.Orders;
using OrderSilo.Grains.Payments;
using OrderSilo.Grains.Webhooks;
using OrderSilo.Silo;
using Orleans.Configuration;

// appsettings.json sits beside the binaries: find it there whatever directory the silo is started from.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
var connectionString = builder.Configuration.GetConnectionString("OrderSilo");
if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.Error.WriteLine("ConnectionStrings__OrderSilo is not set: give the Npgsql connection string of the OrderSilo database.");
    return 2;
}
var siloOptions = builder.Configuration.GetSection("Orleans").Get<SiloHostOptions>() ?? new SiloHostOptions();
Validator.ValidateObject(siloOptions, new ValidationContext(siloOptions), validateAllProperties: true);

builder.UseOrleans(silo =>
{
    silo.Configure<ClusterOptions>(cluster =>
    {
        cluster.ClusterId = siloOptions.ClusterId;
        cluster.ServiceId = siloOptions.ServiceId;
    });
    silo.ConfigureEndpoints(siloOptions.ResolveAdvertisedAddress(), siloOptions.SiloPort, siloOptions.GatewayPort, listenOnAnyHostAddress: true);
    silo.UseOrderSiloPostgres(connectionString);
});
builder.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("OrderSilo:Membership"));
builder.Services.Configure<ReminderOptions>(builder.Configuration.GetSection("OrderSilo:Reminders"));
builder.Services.Configure<ClaimSweeperOptions>(builder.Configuration.GetSection("OrderSilo:ClaimSweeper"));
builder.Services.Configure<CrashPointOptions>(builder.Configuration.GetSection("OrderSilo:CrashPoints"));
builder.Services.Configure<LifecycleOptions>(builder.Configuration.GetSection("OrderSilo:Lifecycle"));
builder.Services.Configure<PaymentGatewayOptions>(builder.Configuration.GetSection("OrderSilo:Payments"));
builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection("OrderSilo:Webhooks"));
builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));

await builder.Build().RunAsync();
return 0;

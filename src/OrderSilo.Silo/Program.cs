using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using Orleans.Dashboard;
using OrderSilo.Grains.Accounts;
using OrderSilo.Grains.Infrastructure;
using OrderSilo.Grains.Orders;
using OrderSilo.Grains.Payments;
using OrderSilo.Grains.Webhooks;
using OrderSilo.Hosting;
using OrderSilo.Silo;
using Orleans.Configuration;

// run.sh and compose's init step make the cluster's certificate with the silo itself: no other tool needed.
if (args is ["create-cluster-certificate", var directory])
{
    Console.WriteLine(ClusterCertificate.CreateIfMissing(directory)
        ? $"cluster certificate written to {directory}"
        : $"cluster certificate already in {directory}");
    return 0;
}

// appsettings.json sits beside the binaries: find it there whatever directory the silo is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Every setting is checked before anything starts: a bad one stops the silo with one line naming it.
var check = new SettingsCheck(builder.Configuration, "OrderSilo.Silo");
var connectionString = check.ConnectionString("ConnectionStrings:OrderSilo");
var siloOptions = check.Section<SiloHostOptions>("Orleans");
siloOptions.Check(check);
var metricsPort = check.Port("Metrics:Port", 9464);
var dashboard = check.Flag("Dashboard:Enabled", true);
check.AbsoluteUri(TelemetrySetup.OtlpEndpointKey);
var tls = ClusterTls.Read(check);
check.Section<SignInOptions>("OrderSilo:SignIn");
if (check.Failed)
    return check.Report(Console.Error);

// Before Orleans (hosted services start in order): a silo restarted on a dead silo's endpoint waits for its death.
builder.Services.AddHostedService<PredecessorGate>();
builder.UseOrleans(silo =>
{
    silo.Configure<ClusterOptions>(cluster =>
    {
        cluster.ClusterId = siloOptions.ClusterId;
        cluster.ServiceId = siloOptions.ServiceId;
    });
    var advertised = siloOptions.ResolveAdvertisedAddress();
    silo.ConfigureEndpoints(advertised, siloOptions.SiloPort, siloOptions.GatewayPort);
    silo.Configure<EndpointOptions>(endpoints =>
    {
        // Only the address asked for (the advertised one unless Orleans__ListenIP says otherwise), never every one.
        var listen = siloOptions.ResolveListenAddress(advertised);
        endpoints.SiloListeningEndpoint = new IPEndPoint(listen, siloOptions.SiloPort);
        endpoints.GatewayListeningEndpoint = new IPEndPoint(listen, siloOptions.GatewayPort);
    });
    if (tls is not null)
        silo.UseTls(tls.Configure);
    silo.UseOrderSiloPostgres(connectionString);
    silo.AddActivityPropagation();
    // The dashboard's grains and per-silo collectors; the API host serves its pages.
    if (dashboard)
        silo.AddDashboard();
});
builder.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("OrderSilo:Membership"));
builder.Services.Configure<ReminderOptions>(builder.Configuration.GetSection("OrderSilo:Reminders"));
// A directory call answers in milliseconds; one whose answer was lost with a connection would otherwise hold its
// grain's placement and every request for it for Orleans' 30 s, which is also the whole placement budget, so that
// placement is never retried. At 10 s it is retried twice within the budget.
builder.Services.Configure<SiloMessagingOptions>(messaging => messaging.SystemResponseTimeout = TimeSpan.FromSeconds(10));
builder.Services.Configure<SiloMessagingOptions>(builder.Configuration.GetSection("OrderSilo:SiloMessaging"));
builder.Services.Configure<ClaimSweeperOptions>(builder.Configuration.GetSection("OrderSilo:ClaimSweeper"));
builder.Services.Configure<CrashPointOptions>(builder.Configuration.GetSection("OrderSilo:CrashPoints"));
builder.Services.Configure<LifecycleOptions>(builder.Configuration.GetSection("OrderSilo:Lifecycle"));
builder.Services.Configure<PaymentGatewayOptions>(builder.Configuration.GetSection("OrderSilo:Payments"));
builder.Services.Configure<PayPageOptions>(builder.Configuration.GetSection("OrderSilo:PayPage"));
builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection("OrderSilo:Webhooks"));
builder.Services.Configure<SignInOptions>(builder.Configuration.GetSection("OrderSilo:SignIn"));
builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));
builder.Services.AddOrderSiloTelemetry(builder.Configuration, "ordersilo-silo").WithMetrics(metrics =>
    metrics.AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
builder.Services.AddHealthChecks();
// Only the metrics port: the silo answers no other HTTP, whatever ASPNETCORE_URLS or HTTP_PORTS say.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(metricsPort));

try
{
    var app = builder.Build();
    // The web server starts after the silo has joined the cluster: an answer here means the silo is up.
    app.MapHealthChecks("/health/live");
    app.MapPrometheusScrapingEndpoint("/metrics");
    await app.RunAsync();
}
catch (Exception error) when (check.Describe(error) is { } problem)
{
    Console.Error.WriteLine(problem);
    return SettingsCheck.ExitCode;
}
return 0;

using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Orleans.Dashboard;
using OrderSilo.Api.Accounts;
using OrderSilo.Api.Auth;
using OrderSilo.Api.Bootstrap;
using OrderSilo.Api.Catalog;
using OrderSilo.Api.Common;
using OrderSilo.Api.Health;
using OrderSilo.Api.Observability;
using OrderSilo.Api.Orders;
using OrderSilo.Api.Pay;
using OrderSilo.Api.Pricing;
using OrderSilo.Api.Promotions;
using OrderSilo.Api.Webhooks;
using OrderSilo.Contracts.Common;
using OrderSilo.Hosting;
using Orleans.Configuration;
using Scalar.AspNetCore;

// appsettings.json sits beside the binaries: find it there whatever directory the host is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Every setting is checked before anything starts: a bad one stops the host with one line naming it.
var check = new SettingsCheck(builder.Configuration, "OrderSilo.Api");
var settings = StartupSettings.Read(check, builder.Configuration);
var tls = ClusterTls.Read(check);
if (check.Failed)
    return check.Report(Console.Error);
if (builder.Configuration["ASPNETCORE_URLS"] is null && builder.Configuration["urls"] is null)
    builder.WebHost.UseUrls($"http://*:{settings.HttpPort}");
// Kestrel stops reading a body past the limit; ApiExceptionHandler answers 413 payload_too_large.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = settings.Limits.MaxRequestBodyBytes);

var hostOptions = builder.Configuration.GetSection("Api").Get<ApiHostOptions>() ?? new ApiHostOptions();
builder.UseOrleansClient(client =>
{
    client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = hostOptions.GrainCallTimeout);
    client.Configure<ClusterOptions>(cluster =>
    {
        cluster.ClusterId = check.Value("Orleans:ClusterId") ?? "ordersilo";
        cluster.ServiceId = check.Value("Orleans:ServiceId") ?? "ordersilo";
    });
    client.UseAdoNetClustering(options =>
    {
        options.Invariant = "Npgsql";
        // The gateway queries leave no session state: skip Npgsql's DISCARD ALL (see the silo's configuration).
        options.ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString) { NoResetOnClose = true }.ConnectionString;
    });
    // API hosts may start before any silo: keep trying to connect rather than exit.
    client.UseConnectionRetryFilter(async (_, cancellation) =>
    {
        await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
        return true;
    });
    if (tls is not null)
        client.UseTls(tls.Configure);
    client.AddActivityPropagation();
    client.AddOutgoingGrainCallFilter<ClusterCallFilter>();
    if (settings.Dashboard)
        client.AddDashboard();
});

builder.Services.AddOrderSiloAuth(builder.Configuration);
RateLimits.AddOrderSiloRateLimits(builder.Services, builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
// Status codes the framework answers by itself get the same problem shape as ours; 413 is the body limit.
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblems.Describe);
builder.Services.Configure<ApiHostOptions>(builder.Configuration.GetSection("Api"));
builder.Services.Configure<InputLimits>(builder.Configuration.GetSection(InputLimits.Section));
builder.Services.Configure<SellerOptions>(builder.Configuration.GetSection("OrderSilo:Seller"));
// A stopping host stops taking requests and lets those in flight finish, for at most Api:ShutdownTimeout.
builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = hostOptions.ShutdownTimeout);
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.Configure<JsonOptions>(options =>
{
    PublicJson.AddConverters(options.SerializerOptions);
    options.SerializerOptions.Converters.Add(new FlagJsonConverter());
});
builder.Services.AddOpenApi();
builder.Services.AddSingleton<BootstrapState>();
builder.Services.AddHostedService<BootstrapService>();
builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
builder.Services.AddApiTelemetry(builder.Configuration);

try
{
    var app = builder.Build();
    // First, so that everything after it (sign-in limits, rate limits, logs) sees the forwarded address.
    app.UseTrustedForwardedHeaders(settings.TrustedProxies);
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseAuthentication();
    app.UseRequestLogScope();
    // After authentication, so that limits are per API client rather than per address.
    app.UseRateLimiter();
    app.UseAuthorization();

    app.MapOpenApi("/openapi/{documentName}.json");
    app.MapScalarApiReference();
    app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
    app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = health => health.Tags.Contains("ready") });
    app.MapMetrics(settings.MetricsAllowAnonymous);
    if (settings.Dashboard)
        app.MapDashboard();
    app.MapToken();
    app.MapAdminAccounts();
    app.MapOperatorClients();
    app.MapCompanies();
    app.MapBalances();
    app.MapCatalog();
    app.MapPriceLists();
    app.MapOrders();
    app.MapOrderRecords();
    app.MapPricing();
    app.MapPromotions();
    app.MapOrderBatches();
    app.MapQuotes();
    app.MapOrderLifecycle();
    app.MapWebhooks();
    app.MapPayPage();

    await app.RunAsync();
}
catch (Exception error) when (check.Describe(error) is { } problem)
{
    Console.Error.WriteLine(problem);
    return SettingsCheck.ExitCode;
}
return 0;

using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using OrderSilo.Api.Accounts;
using OrderSilo.Api.Auth;
using OrderSilo.Api.Bootstrap;
using OrderSilo.Api.Catalog;
using OrderSilo.Api.Common;
using OrderSilo.Api.Health;
using OrderSilo.Api.Orders;
using OrderSilo.Api.Pricing;
using OrderSilo.Api.Promotions;
using OrderSilo.Api.Webhooks;
using OrderSilo.Contracts.Common;
using Orleans.Configuration;
using Scalar.AspNetCore;

// appsettings.json sits beside the binaries: find it there whatever directory the host is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var connectionString = builder.Configuration.GetConnectionString("OrderSilo");
if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.Error.WriteLine("ConnectionStrings__OrderSilo is not set: give the Npgsql connection string of the OrderSilo database.");
    return 2;
}
if (builder.Configuration["ASPNETCORE_URLS"] is null && builder.Configuration["urls"] is null)
    builder.WebHost.UseUrls($"http://*:{builder.Configuration.GetValue("ORDERSILO_HTTP_PORT", 5080)}");

builder.UseOrleansClient(client =>
{
    client.Configure<ClusterOptions>(cluster =>
    {
        cluster.ClusterId = builder.Configuration["Orleans:ClusterId"] ?? "ordersilo";
        cluster.ServiceId = builder.Configuration["Orleans:ServiceId"] ?? "ordersilo";
    });
    client.UseAdoNetClustering(options =>
    {
        options.Invariant = "Npgsql";
        // The gateway queries leave no session state: skip Npgsql's DISCARD ALL (see the silo's configuration).
        options.ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;
    });
    // API hosts may start before any silo: keep trying to connect rather than exit.
    client.UseConnectionRetryFilter(async (_, cancellation) =>
    {
        await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
        return true;
    });
});

builder.Services.AddOrderSiloAuth(builder.Configuration);
RateLimits.AddOrderSiloRateLimits(builder.Services, builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails();
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

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
// After authentication, so that limits are per API client rather than per address.
app.UseRateLimiter();
app.UseAuthorization();

app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapToken();
app.MapAdminAccounts();
app.MapCompanies();
app.MapCatalog();
app.MapPriceLists();
app.MapPricing();
app.MapPromotions();
app.MapOrders();
app.MapOrderRecords();
app.MapOrderBatches();
app.MapQuotes();
app.MapOrderLifecycle();
app.MapWebhooks();

await app.RunAsync();
return 0;

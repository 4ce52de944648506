using OrderSilo.Api.Common;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Api.Bootstrap;

/// <summary>
/// On start, makes sure the operator client, the demo tenant and the demo catalog exist. Credentials come from
/// ORDERSILO_ADMIN_CLIENT_ID/SECRET and ORDERSILO_DEMO_CLIENT_ID/SECRET; when unset, from the credentials file, or
/// random ones are made and kept there (<see cref="CredentialsFile"/>): a secret is never printed or logged. A
/// client an operator revoked stays revoked. Every step is idempotent, so any number of API hosts may run it at once.
/// </summary>
public sealed partial class BootstrapService(
    IClusterClient cluster, IConfiguration configuration, BootstrapState state, ILogger<BootstrapService> logger) : BackgroundService
{
    public const string DemoAccountId = "acc_demo";
    public const string DemoCompanyId = "co_demo";
    public const decimal DemoCreditLimit = 10_000m;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var admin = Credentials("ORDERSILO_ADMIN_CLIENT_ID", "ORDERSILO_ADMIN_CLIENT_SECRET", "operator (scope admin)");
        var demo = configuration.GetValue("ORDERSILO_DEMO", true)
            ? Credentials("ORDERSILO_DEMO_CLIENT_ID", "ORDERSILO_DEMO_CLIENT_SECRET", "demo tenant (scope orders)")
            : default((string, string)?);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Provision(admin, demo);
                state.Complete();
                LogProvisioned(logger);
                return;
            }
            catch (Exception error) when (ApiExceptionHandler.IsTransient(error))
            {
                LogWaiting(logger, error.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    private async Task Provision((string Id, string Secret) admin, (string Id, string Secret)? demo)
    {
        var operatorClient = await cluster.GetGrain<IApiClientGrain>(admin.Id)
            .Register(new ApiClient(admin.Id, "", "", "Operator", Scopes.Admin, false), admin.Secret);
        if (operatorClient.Failed)
            throw new InvalidOperationException($"Cannot provision the operator client: {operatorClient.Error!.Detail}");
        if (operatorClient.Value!.Revoked)
            LogRevoked(logger, admin.Id);
        if (demo is not { } tenant)
            return;
        var account = await cluster.GetGrain<IAccountGrain>(DemoAccountId).Create(
            new CreateAccount("Demo Reseller", "billing@demo.example", "US", "USD", DemoCompanyId, tenant.Id, tenant.Secret));
        if (account.Failed)
            throw new InvalidOperationException($"Cannot provision the demo tenant: {account.Error!.Detail}");
        // A new company has no credit: the operator gives the demo tenant some, once (later changes are the operator's).
        var company = cluster.GetGrain<ICompanyGrain>(DemoCompanyId);
        if (await company.Changes() is { IsEmpty: true })
        {
            var credit = await company.SetTerms(Actor.Operator(admin.Id), new CompanyTerms(SetsCreditLimit: true, DemoCreditLimit, null));
            if (credit.Failed)
                throw new InvalidOperationException($"Cannot give the demo tenant credit: {credit.Error!.Detail}");
        }
        foreach (var product in DemoCatalog.Products)
        {
            var grain = cluster.GetGrain<IProductGrain>(product.ProductId);
            if (await grain.Get() is null)
                await grain.Put(product);
        }
    }

    private (string Id, string Secret) Credentials(string idKey, string secretKey, string who)
    {
        var (id, secret) = (configuration[idKey], configuration[secretKey]);
        if (!string.IsNullOrEmpty(id) && !string.IsNullOrEmpty(secret))
        {
            return Ids.IsValid(id, "cli_")
                ? (id, secret)
                : throw new InvalidOperationException($"{idKey} must look like cli_… (letters, digits, '_' and '-').");
        }
        var file = CredentialsFile.From(configuration);
        (id, secret) = (file.Read(idKey), file.Read(secretKey));
        if (Ids.IsValid(id, "cli_") && secret is { Length: >= StartupSettings.MinimumSecretLength })
        {
            LogKeptCredentials(logger, who, file.Path);
            return (id!, secret);
        }
        (id, secret) = (Ids.NewClientId(), Ids.NewClientSecret());
        file.Append([(idKey, id), (secretKey, secret)]);
        LogGeneratedCredentials(logger, who, id, file.Path);
        return (id, secret);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated credentials for the {Who}: client {ClientId}, its secret is in {File} (readable by its owner only)")]
    private static partial void LogGeneratedCredentials(ILogger logger, string who, string clientId, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Credentials for the {Who} come from {File}")]
    private static partial void LogKeptCredentials(ILogger logger, string who, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The configured operator client {ClientId} was revoked by an operator and stays revoked: configure another ORDERSILO_ADMIN_CLIENT_ID")]
    private static partial void LogRevoked(ILogger logger, string clientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provisioned the operator client, the demo tenant and the demo catalog")]
    private static partial void LogProvisioned(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting for the cluster before provisioning: {Reason}")]
    private static partial void LogWaiting(ILogger logger, string reason);
}

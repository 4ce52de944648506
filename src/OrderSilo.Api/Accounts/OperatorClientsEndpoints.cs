using Microsoft.AspNetCore.Http.HttpResults;
using OrderSilo.Api.Auth;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Api.Accounts;

/// <summary>
/// The operator's own API clients: listed, and revoked as a tenant's are (<c>DELETE …/clients/{clientId}</c>). A
/// revoked client stays revoked across restarts and start-up provisioning; its tokens already issued last until
/// they expire (<c>Auth__TokenLifetime</c>).
/// </summary>
public static class OperatorClientsEndpoints
{
    public static IEndpointRouteBuilder MapOperatorClients(this IEndpointRouteBuilder routes)
    {
        var clients = routes.MapGroup("/api/v1/admin/operator-clients").WithTags("Admin").RequireAuthorization(AuthSetup.AdminPolicy);
        clients.MapGet("/", List).WithSummary("List the operator's API clients, revoked ones too").RetriesOnClusterFailure();
        clients.MapDelete("/{clientId}", Revoke).WithSummary("Revoke an operator API client");
        return routes;
    }

    private static async Task<Results<Ok<ListPage<OperatorClientView>>, ProblemHttpResult>> List(int? limit, string? cursor, IClusterClient cluster)
    {
        if (ListPage.InvalidLimit(limit) is { } invalid)
            return invalid;
        var size = ListPage.SizeOf(limit);
        var page = await cluster.GetGrain<IOperatorClientsGrain>(0).List(cursor, size + 1);
        return TypedResults.Ok(ListPage.Of([.. page.Select(View)], size, c => c.ClientId));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(string clientId, IClusterClient cluster)
    {
        if (!Ids.IsValid(clientId, "cli_"))
            return ApiProblems.NotFound($"There is no operator client '{clientId}'.");
        var revoked = await cluster.GetGrain<IOperatorClientsGrain>(0).Revoke(clientId);
        return revoked.Failed ? ApiProblems.For(revoked.Error!) : TypedResults.NoContent();
    }

    private static OperatorClientView View(ApiClient client) =>
        new(client.ClientId, client.Name, client.Scope, client.Revoked, client.CreatedAt, client.LastLogin);
}

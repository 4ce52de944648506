namespace OrderSilo.Api.Accounts;

/// <summary>One of the operator's API clients (scope <c>admin</c>), as <c>GET /api/v1/admin/operator-clients</c> lists it.</summary>
public sealed record OperatorClientView(string ClientId, string Name, string Scope, bool Revoked, DateTimeOffset? CreatedAt, DateTimeOffset? LastLogin);

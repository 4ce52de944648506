namespace OrderSilo.Bench;

/// <summary>The tenant the benchmark places its orders for, as <c>POST /api/v1/admin/accounts</c> created it.</summary>
internal sealed record Tenant(string AccountId, string CompanyId, string ClientId, string ClientSecret);

namespace OrderSilo.Contracts.Accounts;

/// <summary>One change of a company's terms of trade, as its change log shows it (<c>GET /api/v1/admin/companies/{id}/changes</c>).</summary>
/// <param name="At">When it was made.</param>
/// <param name="Actor">Who made it: the operator's API client id.</param>
/// <param name="Field"><c>creditLimit</c>, <c>paymentTermsDays</c> or <c>approvalPolicy</c>.</param>
/// <param name="From">The value before, as JSON text (null: none).</param>
/// <param name="To">The value after, as JSON text (null: none).</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.CompanyChange")]
public sealed record CompanyChange(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Field,
    [property: Id(3)] string? From,
    [property: Id(4)] string? To);

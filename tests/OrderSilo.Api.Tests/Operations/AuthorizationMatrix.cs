using static OrderSilo.Api.Tests.Operations.Access;

namespace OrderSilo.Api.Tests.Operations;

/// <summary>
/// The trust model of docs/security.md, operation by operation: what the owning tenant, another tenant, the operator
/// and a call without a token each get, all with the owner's ids in the path. Tenant paths answer the operator 403
/// (the <c>tenant</c> policy asks for scope <c>orders</c> and an account); admin paths answer every tenant 403.
/// Every operation of the served OpenAPI document has one row, and every row an operation
/// (<see cref="AuthorizationMatrixTests"/>): a new endpoint gets its row here, with the outcomes the trust model gives it.
/// </summary>
internal static class AuthorizationMatrix
{
    public static readonly IReadOnlyList<AuthorizationRow> Rows =
    [
        //  operation                                                        owner        other tenant  operator     no token
        new("POST /oauth/token",                                             Allowed,     Allowed,      Allowed,     Allowed),

        new("GET /api/v1/account",                                           Allowed,     Allowed,      Forbidden,   Unauthenticated),
        new("POST /api/v1/companies",                                        Allowed,     Allowed,      Forbidden,   Unauthenticated),
        new("GET /api/v1/companies/{companyId}",                             Allowed,     Hidden,       Forbidden,   Unauthenticated),
        new("PATCH /api/v1/companies/{companyId}",                           Allowed,     Hidden,       Forbidden,   Unauthenticated),
        new("PUT /api/v1/companies/{companyId}/saved-card",                  Allowed,     Hidden,       Forbidden,   Unauthenticated),
        new("GET /api/v1/companies/{companyId}/balance-transactions",        Allowed,     Hidden,       Forbidden,   Unauthenticated),

        // One catalog for every tenant: another tenant sees the same product, at its own price.
        new("GET /api/v1/products",                                          Allowed,     Allowed,      Forbidden,   Unauthenticated),
        new("GET /api/v1/products/{productId}",                              Allowed,     Allowed,      Forbidden,   Unauthenticated),
        new("GET /api/v1/products/by-code/{code}",                           Allowed,     Allowed,      Forbidden,   Unauthenticated),
        new("POST /api/v1/pricing/preview",                                  Allowed,     Allowed,      Forbidden,   Unauthenticated),

        new("POST /api/v1/orders",                                           Allowed,     Allowed,      Forbidden,   Unauthenticated),
        new("GET /api/v1/orders",                                            Allowed,     Allowed,      Forbidden,   Unauthenticated),
        new("POST /api/v1/orders/batch",                                     Allowed,     Allowed,      Forbidden,   Unauthenticated),
        new("POST /api/v1/orders/batch-update",                              Allowed,     Allowed,      Forbidden,   Unauthenticated),
        new("POST /api/v1/quotes",                                           Allowed,     Allowed,      Forbidden,   Unauthenticated),
        new("GET /api/v1/orders/{orderId}",                                  Allowed,     Hidden,       Forbidden,   Unauthenticated),
        new("GET /api/v1/orders/by-po/{poNumber}",                           Allowed,     Hidden,       Forbidden,   Unauthenticated),
        new("PATCH /api/v1/orders/{orderId}",                                Allowed,     Hidden,       Forbidden,   Unauthenticated),
        new("POST /api/v1/orders/{orderId}/archive",                         Allowed,     Hidden,       Forbidden,   Unauthenticated, Consumes: true),
        new("POST /api/v1/orders/{orderId}/accept",                          Allowed,     Hidden,       Forbidden,   Unauthenticated),
        new("POST /api/v1/orders/{orderId}/cancel",                          Allowed,     Hidden,       Forbidden,   Unauthenticated, Consumes: true),
        // The account approves only in approval mode 'account'; a new company's mode is 'operator'.
        new("POST /api/v1/orders/{orderId}/approve",                         Forbidden,   Hidden,       Forbidden,   Unauthenticated, Consumes: true),
        // Only the seller records money received, whatever the body says.
        new("POST /api/v1/orders/{orderId}/payments",                        Forbidden,   Hidden,       Forbidden,   Unauthenticated),

        new("POST /api/v1/webhooks",                                         Allowed,     Allowed,      Forbidden,   Unauthenticated),
        new("GET /api/v1/webhooks",                                          Allowed,     Allowed,      Forbidden,   Unauthenticated),
        new("GET /api/v1/webhooks/{webhookId}",                              Allowed,     Hidden,       Forbidden,   Unauthenticated),
        new("PATCH /api/v1/webhooks/{webhookId}",                            Allowed,     Hidden,       Forbidden,   Unauthenticated),
        new("DELETE /api/v1/webhooks/{webhookId}",                           Allowed,     Hidden,       Forbidden,   Unauthenticated, Consumes: true),
        new("GET /api/v1/webhooks/{webhookId}/deliveries",                   Allowed,     Hidden,       Forbidden,   Unauthenticated),
        new("POST /api/v1/webhooks/{webhookId}/deliveries/{eventId}/replay", Allowed,     Hidden,       Forbidden,   Unauthenticated),

        new("POST /api/v1/admin/accounts",                                   Forbidden,   Forbidden,    Allowed,     Unauthenticated),
        new("GET /api/v1/admin/accounts",                                    Forbidden,   Forbidden,    Allowed,     Unauthenticated),
        new("POST /api/v1/admin/accounts/{accountId}/clients",               Forbidden,   Forbidden,    Allowed,     Unauthenticated),
        new("DELETE /api/v1/admin/accounts/{accountId}/clients/{clientId}",  Forbidden,   Forbidden,    Allowed,     Unauthenticated, Consumes: true),
        new("GET /api/v1/admin/operator-clients",                            Forbidden,   Forbidden,    Allowed,     Unauthenticated),
        // The owner's client is a tenant's: the operator's list does not have it, so even the operator gets 404.
        new("DELETE /api/v1/admin/operator-clients/{clientId}",              Forbidden,   Forbidden,    Hidden,      Unauthenticated),
        new("PATCH /api/v1/admin/companies/{companyId}",                     Forbidden,   Forbidden,    Allowed,     Unauthenticated),
        new("GET /api/v1/admin/companies/{companyId}/changes",               Forbidden,   Forbidden,    Allowed,     Unauthenticated),
        new("POST /api/v1/admin/companies/{companyId}/top-ups",              Forbidden,   Forbidden,    Allowed,     Unauthenticated),
        new("GET /api/v1/admin/companies/{companyId}/balance-transactions",  Forbidden,   Forbidden,    Allowed,     Unauthenticated),
        new("PUT /api/v1/admin/products/{productId}",                        Forbidden,   Forbidden,    Allowed,     Unauthenticated),
        new("PUT /api/v1/admin/price-lists/{companyId}",                     Forbidden,   Forbidden,    Allowed,     Unauthenticated),
        new("GET /api/v1/admin/tax-rates",                                   Forbidden,   Forbidden,    Allowed,     Unauthenticated),
        new("PUT /api/v1/admin/tax-rates",                                   Forbidden,   Forbidden,    Allowed,     Unauthenticated),
        new("POST /api/v1/admin/promotions",                                 Forbidden,   Forbidden,    Allowed,     Unauthenticated),
        new("GET /api/v1/admin/promotions/{code}",                           Forbidden,   Forbidden,    Allowed,     Unauthenticated),
        new("PUT /api/v1/admin/promotions/{code}/discount",                  Forbidden,   Forbidden,    Allowed,     Unauthenticated),
        new("POST /api/v1/admin/promotions/{code}/coupons",                  Forbidden,   Forbidden,    Allowed,     Unauthenticated),
        new("DELETE /api/v1/admin/promotions/{code}/coupons",                Forbidden,   Forbidden,    Allowed,     Unauthenticated),
        new("POST /api/v1/admin/orders/{orderId}/approve",                   Forbidden,   Forbidden,    Allowed,     Unauthenticated, Consumes: true),
        new("POST /api/v1/admin/orders/{orderId}/cancel",                    Forbidden,   Forbidden,    Allowed,     Unauthenticated, Consumes: true),
        new("POST /api/v1/admin/orders/{orderId}/payments",                  Forbidden,   Forbidden,    Allowed,     Unauthenticated),
        new("POST /api/v1/admin/orders/{orderId}/refunds",                   Forbidden,   Forbidden,    Allowed,     Unauthenticated),
    ];
}

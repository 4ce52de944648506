using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Grains.Tests.Catalog;

namespace OrderSilo.Grains.Tests.Cluster;

/// <summary>
/// A fresh account with a company and a voucher product of its own, created through the grains; the operator has
/// made the company's credit uncapped, so orders on account and invoices are not refused for credit.
/// </summary>
internal sealed record TestTenant(string AccountId, Company Company, Product Product)
{
    public const decimal Denomination = 25m;

    /// <summary>The seller's API client, as the admin paths name it.</summary>
    public static readonly Actor Operator = Actor.Operator("cli_test_operator");

    /// <summary>The tenant's API client.</summary>
    public Actor Actor => Actor.Tenant("cli_test_" + AccountId, AccountId);

    public static async Task<TestTenant> CreateAsync(IGrainFactory grains)
    {
        var accountId = Ids.NewAccountId();
        var company = await CreateCompanyAsync(grains, accountId);
        var product = await PutProductAsync(grains, TestProducts.Voucher("USD", Denomination, 50m));
        return new TestTenant(accountId, company, product);
    }

    public static async Task<Company> CreateCompanyAsync(IGrainFactory grains, string accountId)
    {
        var id = Ids.NewCompanyId();
        var created = await grains.GetGrain<ICompanyGrain>(id).Create(new Company
        {
            Id = id,
            AccountId = accountId,
            Name = "Company " + id,
            Country = "GB",
            Currency = "USD",
            CreatedAt = DateTimeOffset.UtcNow,
        });
        Assert.Null(created.Error);
        var uncapped = await grains.GetGrain<ICompanyGrain>(id).SetTerms(Operator, new CompanyTerms(SetsCreditLimit: true, null, null));
        Assert.Null(uncapped.Error);
        return uncapped.Value!;
    }

    public static async Task<Product> PutProductAsync(IGrainFactory grains, Product product)
    {
        var put = await grains.GetGrain<IProductGrain>(product.ProductId).Put(product);
        Assert.Null(put.Error);
        return put.Value!;
    }

    /// <summary>The poNumber gate of this account, keyed <c>{accountId}/{poNumber}</c>.</summary>
    public IPoNumberGrain PoNumber(IGrainFactory grains, string poNumber) =>
        grains.GetGrain<IPoNumberGrain>($"{AccountId}/{poNumber}");

    /// <summary>An order of <paramref name="quantity"/> vouchers of the tenant's product, charged to its company.</summary>
    public PlaceOrder Order(string poNumber, int quantity = 1, string paymentType = PaymentTypes.Account) => new()
    {
        PoNumber = poNumber,
        CompanyId = Company.Id,
        LineItems = [new OrderLineRequest(Product.ProductId, quantity, Denomination)],
        Payment = new PaymentRequest(paymentType),
    };
}

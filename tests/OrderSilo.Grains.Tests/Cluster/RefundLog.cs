using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using OrderSilo.Grains.Payments;

namespace OrderSilo.Grains.Tests.Cluster;

/// <summary>
/// The sandbox payment gateway of the test silos, with every refund it was asked for kept (the silos are in-process,
/// so one log serves them all): tests see what went back to a card, which the stateless sandbox cannot tell.
/// </summary>
internal sealed class RefundLog(IPaymentGateway inner) : IPaymentGateway
{
    private static readonly ConcurrentQueue<RefundRequest> Asked = new();

    /// <summary>The refunds asked for the charge made under <paramref name="chargeKey"/> (an order id).</summary>
    public static IReadOnlyList<RefundRequest> For(string chargeKey) => [.. Asked.Where(r => r.ChargeKey == chargeKey)];

    public static void Install(IServiceCollection services) =>
        services.AddSingleton<IPaymentGateway>(_ => new RefundLog(new SandboxPaymentGateway()));

    public Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellation) => inner.ChargeAsync(request, cancellation);

    public async Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken cancellation)
    {
        var result = await inner.RefundAsync(request, cancellation);
        Asked.Enqueue(request);
        return result;
    }
}

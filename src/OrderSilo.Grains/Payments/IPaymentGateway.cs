namespace OrderSilo.Grains.Payments;

/// <summary>
/// A card payment provider. A real provider implements this and is registered in the silo's services instead of
/// <see cref="SandboxPaymentGateway"/>. A charge carries an idempotency key (the order id): the provider must answer a
/// repeated charge with the same key with the first charge's outcome, never charging twice, so a placement
/// rolled forward after a crash, or an accept retried after a timeout, is safe.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>
    /// Charges the card behind <paramref name="request"/>'s token. Answers succeeded or declined; throws
    /// <see cref="TimeoutException"/> when the provider does not answer within <paramref name="cancellation"/>'s
    /// time (the outcome is then unknown: retry with the same key).
    /// </summary>
    Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellation);

    /// <summary>
    /// Gives back money a charge took: the charge is named by its idempotency key, so a charge whose answer was
    /// lost can be refunded too, and a key that never charged refunds nothing (and succeeds). A repeated refund
    /// with the same <see cref="RefundRequest.IdempotencyKey"/> answers the first refund's outcome. Throws
    /// <see cref="TimeoutException"/> as <see cref="ChargeAsync"/> does.
    /// </summary>
    Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken cancellation);
}

/// <param name="IdempotencyKey">One key per order: the same key never charges twice.</param>
/// <param name="CardToken">The provider's token of the saved card.</param>
/// <param name="Amount">The amount, in <paramref name="Currency"/>, rounded to its minor unit.</param>
/// <param name="Currency">ISO 4217 code.</param>
public sealed record ChargeRequest(string IdempotencyKey, string CardToken, decimal Amount, string Currency);

/// <param name="Succeeded">True when the money was taken.</param>
/// <param name="ChargeId">The provider's id of the charge (when it succeeded).</param>
/// <param name="DeclineReason">The provider's reason (when declined).</param>
public sealed record ChargeResult(bool Succeeded, string? ChargeId, string? DeclineReason);

/// <param name="IdempotencyKey">One key per refund: the same key never refunds twice.</param>
/// <param name="ChargeKey">The idempotency key of the charge to refund (the order id).</param>
/// <param name="Amount">How much of the charge to give back; null for all of it.</param>
/// <param name="Currency">ISO 4217 code.</param>
public sealed record RefundRequest(string IdempotencyKey, string ChargeKey, decimal? Amount, string Currency);

/// <param name="Succeeded">True when the money went back (or there was none to give back).</param>
/// <param name="RefundId">The provider's id of the refund (when it succeeded).</param>
/// <param name="FailureReason">The provider's reason (when it failed).</param>
public sealed record RefundResult(bool Succeeded, string? RefundId, string? FailureReason);

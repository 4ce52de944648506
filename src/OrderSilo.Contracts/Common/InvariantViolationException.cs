namespace OrderSilo.Contracts.Common;

/// <summary>
/// A grain found its own state or a caller's arguments contradicting a rule that can only break through a bug (an
/// order asked to take another placement, a batch claim that is not there). Never retried: the API host answers 500.
/// </summary>
[GenerateSerializer, Alias("OrderSilo.InvariantViolationException")]
public sealed class InvariantViolationException : Exception
{
    /// <summary>A violation with the default message.</summary>
    public InvariantViolationException()
    {
    }

    /// <summary>A violation described by <paramref name="message"/>.</summary>
    public InvariantViolationException(string message) : base(message)
    {
    }

    /// <summary>A violation described by <paramref name="message"/>, found through <paramref name="innerException"/>.</summary>
    public InvariantViolationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

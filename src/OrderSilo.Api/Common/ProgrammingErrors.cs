using OrderSilo.Contracts.Common;

namespace OrderSilo.Api.Common;

/// <summary>
/// The exceptions that mean a bug, in this host or in a grain, rather than a cluster that did not answer: repeating
/// the call would fail the same way, so they are answered 500 and logged with their type, never retried.
/// </summary>
public static class ProgrammingErrors
{
    public static bool Is(Exception error) => error is ArgumentException or NullReferenceException or InvalidCastException
        or IndexOutOfRangeException or KeyNotFoundException or NotImplementedException or InvariantViolationException;
}

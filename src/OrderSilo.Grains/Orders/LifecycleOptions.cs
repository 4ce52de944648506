namespace OrderSilo.Grains.Orders;

/// <summary>Settings of order lifecycles (section <c>OrderSilo:Lifecycle</c>; docs/lifecycles.md).</summary>
public sealed class LifecycleOptions
{
    /// <summary>
    /// The service key of the clock orders read deadlines from: the silo's <see cref="TimeProvider"/> unless a test
    /// registers its own under this key (moving that clock moves no one else's).
    /// </summary>
    public const string ClockKey = "order-lifecycle";

    /// <summary>How long the built-in issuer takes to fulfil a delayed-delivery order.</summary>
    public TimeSpan FulfilmentDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The built-in issuer fails to fulfil delayed products whose code starts with this (empty: never); for
    /// trying out and testing the failure path.
    /// </summary>
    public string? FailFulfilmentProductCodePrefix { get; set; }

    /// <summary>
    /// The length of one day of payment terms. One day in production; tests shorten it so that a deadline passes
    /// within a test.
    /// </summary>
    public TimeSpan PaymentTermDay { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often a due reminder ticks again until its work is done (at least Orleans' minimum reminder period).</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}

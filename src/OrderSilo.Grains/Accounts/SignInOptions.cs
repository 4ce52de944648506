using System.ComponentModel.DataAnnotations;

namespace OrderSilo.Grains.Accounts;

/// <summary>Limits on failed sign-ins (section <c>OrderSilo:SignIn</c>; docs/configuration.md, docs/security.md).</summary>
public sealed class SignInOptions
{
    /// <summary>The service key of the clock the limits read: the silo's unless a test registers its own.</summary>
    public const string ClockKey = "sign-in";

    /// <summary>
    /// Failures of one client id from one address within <see cref="Window"/> that block that pair. Keyed on the
    /// pair, not the id alone, so that nobody can lock a real client out from an address of their own.
    /// </summary>
    [Range(1, 1_000_000)] public int MaxFailuresPerClient { get; set; } = 10;

    /// <summary>Failures from one address, whatever the client id, within <see cref="Window"/> that block the address.</summary>
    [Range(1, 1_000_000)] public int MaxFailuresPerAddress { get; set; } = 100;

    /// <summary>How long a failure counts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a block lasts once a limit is reached.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan BlockDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Client ids found not to exist that a silo remembers, so that guessing one again reads no database.</summary>
    [Range(1, 10_000_000)] public int UnknownClientCacheSize { get; set; } = 10_000;

    /// <summary>How long a silo remembers that a client id does not exist.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan UnknownClientCacheDuration { get; set; } = TimeSpan.FromMinutes(5);
}

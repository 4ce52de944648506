namespace OrderSilo.Contracts.Operations;

/// <summary>Answers readiness probes: a call that reaches a silo which reaches the database.</summary>
[Alias("OrderSilo.IHealthGrain")]
public interface IHealthGrain : IGrainWithIntegerKey
{
    /// <summary>Runs a trivial query on the database; throws when it cannot.</summary>
    [Alias("CheckDatabase")]
    Task CheckDatabase();
}

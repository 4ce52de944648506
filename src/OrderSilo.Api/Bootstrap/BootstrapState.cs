namespace OrderSilo.Api.Bootstrap;

/// <summary>Whether start-up provisioning has finished (readiness waits for it).</summary>
public sealed class BootstrapState
{
    private volatile bool _completed;

    public bool Completed => _completed;

    public void Complete() => _completed = true;
}

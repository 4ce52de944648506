namespace OrderSilo.Api.Common;

/// <summary>
/// Sees every grain call this host makes. A failure that is not a programming error (<see cref="ProgrammingErrors"/>)
/// becomes a <see cref="ClusterCallException"/>: what a churning cluster throws is open-ended (Orleans' own
/// exceptions, timeouts, a disposed connection, a library's exception without a codec), so it is decided by where
/// the failure came from, not by listing its types.
/// </summary>
public sealed class ClusterCallFilter : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception error) when (!ProgrammingErrors.Is(error))
        {
            throw new ClusterCallException($"The call {context.InterfaceName}.{context.MethodName} failed: {error.GetType().Name}.", error);
        }
    }
}

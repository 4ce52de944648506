namespace OrderSilo.Api.Common;

/// <summary>
/// A grain call failed for the cluster's reasons: a silo left or died, a placement or an answer timed out, an
/// exception came back that cannot even be read here. Nothing about the request was wrong, so the call may be
/// repeated where it is safe to (see <see cref="ClusterRetryFilter"/>). Made only by <see cref="ClusterCallFilter"/>.
/// </summary>
public sealed class ClusterCallException : Exception
{
    public ClusterCallException()
    {
    }

    public ClusterCallException(string message) : base(message)
    {
    }

    public ClusterCallException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

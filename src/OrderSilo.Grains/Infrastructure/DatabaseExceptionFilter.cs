using System.Data.Common;

namespace OrderSilo.Grains.Infrastructure;

/// <summary>
/// Npgsql's exceptions cannot be serialized to the caller; a grain call that fails on the database answers a
/// plain <see cref="OrleansException"/> instead, which the API host treats as "unavailable, retry".
/// </summary>
internal sealed class DatabaseExceptionFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (DbException error)
        {
            throw new OrleansException($"Database error in {context.InterfaceMethod?.Name}: {error.Message}");
        }
    }
}

using Orleans.Storage;

namespace OrderSilo.Grains.Infrastructure;

internal static class StorageFailures
{
    /// <summary>
    /// Runs a storage read or write. When it fails the grain is deactivated, so no caller is answered from state that may
    /// not be durable: the next activation reads the truth. Provider exceptions wrap Npgsql types that cannot
    /// cross the wire, so callers get a plain, serializable <see cref="OrleansException"/>; a version conflict
    /// stays an <see cref="InconsistentStateException"/>.
    /// </summary>
    public static async Task Guard(Grain grain, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (InconsistentStateException)
        {
            grain.DeactivateOnIdle();
            throw;
        }
        catch (Exception error)
        {
            grain.DeactivateOnIdle();
            throw new OrleansException($"Grain storage failed: {Describe(error)}");
        }
    }

    private static string Describe(Exception error) =>
        error.InnerException is { } inner ? $"{error.Message} ({Describe(inner)})" : error.Message;
}

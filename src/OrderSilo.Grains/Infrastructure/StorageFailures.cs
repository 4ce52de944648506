using Orleans.Storage;

namespace OrderSilo.Grains.Infrastructure;

internal static class StorageFailures
{
    /// <summary>
    /// Runs a storage read or write. When it fails unexpectedly the grain is deactivated, so no caller is answered from state that may
    /// not be durable: the next activation reads the truth. Provider exceptions wrap Npgsql types that cannot
    /// cross the wire, so callers get a plain, serializable <see cref="OrleansException"/>; a version conflict
    /// stays an <see cref="InconsistentStateException"/>.
    /// </summary>
    public static async Task Guard(Grain grain, Func<Task> write, bool conflictExpected = false)
    {
        try
        {
            await write();
        }
        catch (InconsistentStateException)
        {
            // An expected conflict (a first write that finds a stored state) is handled by the caller, which
            // reads the stored state: the activation stays valid.
            if (!conflictExpected)
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

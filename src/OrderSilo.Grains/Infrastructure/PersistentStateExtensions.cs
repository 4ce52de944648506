using Orleans.Storage;

namespace OrderSilo.Grains.Infrastructure;

public static class PersistentStateExtensions
{
    /// <summary>
    /// Applies <paramref name="change"/> and writes it. When the write fails the change is undone and the grain
    /// is deactivated, so no caller is ever answered from state that may not be durable: the next activation
    /// reads the truth from storage.
    /// </summary>
    public static async Task ChangeAndWriteAsync<T>(this IPersistentState<T> state, Grain grain, Func<T, T> change)
        where T : class
    {
        var before = state.State;
        state.State = change(before);
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception error) when (error is not InconsistentStateException)
        {
            state.State = before;
            grain.DeactivateOnIdle();
            // Provider exceptions wrap Npgsql types that cannot cross the wire; callers need a serializable one.
            throw new OrleansException($"Writing {typeof(T).Name} failed: {Describe(error)}");
        }
        catch
        {
            state.State = before;
            grain.DeactivateOnIdle();
            throw;
        }
    }

    private static string Describe(Exception error) =>
        error.InnerException is { } inner ? $"{error.Message} ({Describe(inner)})" : error.Message;
}

namespace OrderSilo.Grains.Infrastructure;

public static class PersistentStateExtensions
{
    /// <summary>Applies <paramref name="change"/> and writes it; when the write fails the change is undone.</summary>
    public static async Task ChangeAndWriteAsync<T>(this IPersistentState<T> state, Grain grain, Func<T, T> change)
        where T : class
    {
        var before = state.State;
        state.State = change(before);
        try
        {
            await StorageFailures.Guard(grain, state.WriteStateAsync);
        }
        catch
        {
            state.State = before;
            throw;
        }
    }
}

using Orleans.Storage;

namespace OrderSilo.Grains.Infrastructure;

/// <summary>
/// Grain state read when first needed instead of on activation. A grain whose first call creates it (an order
/// the poNumber gate has just claimed) writes at once and saves the read: the storage's unique row identity
/// turns a racing or repeated creation into a conflict, after which the stored state is read and used.
/// </summary>
public sealed class OnDemandState<T>(IGrainStorage storage, string stateName, Grain grain) where T : class, new()
{
    private GrainState<T> _state = new(new T());
    private Task? _loading;

    public T State => _state.State ?? new T();

    /// <summary>True once the stored state was read or written by this activation.</summary>
    public bool IsLoaded => _loading is { IsCompletedSuccessfully: true };

    public async Task<T> ReadAsync()
    {
        // Cached so that interleaved read-only calls share one read; a failed read is not cached.
        try
        {
            await (_loading ??= StorageFailures.Guard(grain,
                () => StorageMetrics.Measure(stateName, "read", () => storage.ReadStateAsync(stateName, grain.GetGrainId(), _state))));
        }
        catch
        {
            _loading = null;
            throw;
        }
        return State;
    }

    /// <summary>
    /// Reads the stored state again, forgetting what this activation knew: after a write whose outcome is not
    /// known, and before a decision that must not rest on a copy another activation may have overtaken.
    /// </summary>
    public Task<T> RefreshAsync()
    {
        (_state, _loading) = (new GrainState<T>(new T()), null);
        return ReadAsync();
    }

    /// <summary>Stores <paramref name="state"/> as the first state of the grain; false when one was stored already.</summary>
    public async Task<bool> TryCreateAsync(T state)
    {
        if (_loading is not null)
            return await ReadAsync() == new T() && await WriteOrThrowAsync(state);
        try
        {
            return await WriteOrThrowAsync(state, conflictExpected: true);
        }
        catch (InconsistentStateException)
        {
            _state = new GrainState<T>(new T());
            _loading = null;
            await ReadAsync();
            return false;
        }
    }

    /// <summary>Writes <paramref name="state"/> over the state read before.</summary>
    public async Task WriteAsync(T state)
    {
        await ReadAsync();
        await WriteOrThrowAsync(state);
    }

    private async Task<bool> WriteOrThrowAsync(T state, bool conflictExpected = false)
    {
        var next = new GrainState<T>(state) { ETag = _state.ETag, RecordExists = _state.RecordExists };
        await StorageFailures.Guard(grain,
            () => StorageMetrics.Measure(stateName, "write", () => storage.WriteStateAsync(stateName, grain.GetGrainId(), next)), conflictExpected);
        (_state, _loading) = (next, Task.CompletedTask);
        return true;
    }
}

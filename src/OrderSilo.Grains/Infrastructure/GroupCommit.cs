namespace OrderSilo.Grains.Infrastructure;

/// <summary>
/// Group commit for a reentrant grain's state: a caller that changed the state waits for a write that began after
/// its change, and changes made while a write is under way share the next write. One storage write per batch of
/// concurrent callers, not one per caller. A failed write deactivates the grain (see <see cref="StorageFailures"/>):
/// every caller waiting on it gets the error, and nothing it was told succeeded is lost.
/// </summary>
internal sealed class GroupCommit(Grain grain, Func<Task> write)
{
    private long _changes;
    private long _persisted;
    private Task? _writing;

    /// <summary>Counts a change made to the in-memory state; call <see cref="PersistAsync"/> next.</summary>
    public void Changed() => _changes++;

    /// <summary>Returns once a write that covers every change counted so far has succeeded.</summary>
    public async Task PersistAsync()
    {
        var mine = _changes;
        while (_persisted < mine)
        {
            if (_writing is null || _writing.IsCompleted)
                _writing = WriteAsync();
            await _writing;
        }
    }

    private async Task WriteAsync()
    {
        var covering = _changes;
        await StorageFailures.Guard(grain, write);
        _persisted = Math.Max(_persisted, covering);
    }
}

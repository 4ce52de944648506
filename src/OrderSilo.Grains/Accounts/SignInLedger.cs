namespace OrderSilo.Grains.Accounts;

/// <summary>
/// The failed sign-ins from one address and the blocks they caused: a rule class, the caller passes the time. A
/// failure counts for <see cref="SignInOptions.Window"/>; reaching a limit blocks the pair (client id, address), or
/// the whole address, for <see cref="SignInOptions.BlockDuration"/>. Refused attempts are not failures, so a block
/// is never made longer by knocking on it. What it holds is bounded: no more than the address limit of failures.
/// </summary>
public sealed class SignInLedger(SignInOptions options)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failuresByClient = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _failures = new();
    private readonly Dictionary<string, DateTimeOffset> _clientBlocks = new(StringComparer.Ordinal);
    private DateTimeOffset? _addressBlock;

    /// <summary>When the block on <paramref name="clientId"/> from this address ends (its own or the address's); null when none stands.</summary>
    public DateTimeOffset? BlockedUntil(string clientId, DateTimeOffset now)
    {
        Forget(now);
        var client = _clientBlocks.TryGetValue(clientId, out var until) ? until : (DateTimeOffset?)null;
        return (client, _addressBlock) switch
        {
            ({ } c, { } a) => c > a ? c : a,
            _ => client ?? _addressBlock,
        };
    }

    /// <summary>Counts a failed attempt of <paramref name="clientId"/>; a limit reached starts a block.</summary>
    public void Fail(string clientId, DateTimeOffset now)
    {
        Forget(now);
        if (!_failuresByClient.TryGetValue(clientId, out var failures))
            _failuresByClient[clientId] = failures = new Queue<DateTimeOffset>();
        failures.Enqueue(now);
        _failures.Enqueue(now);
        if (failures.Count >= options.MaxFailuresPerClient)
        {
            _clientBlocks[clientId] = now + options.BlockDuration;
            _failuresByClient.Remove(clientId);
        }
        if (_failures.Count >= options.MaxFailuresPerAddress)
        {
            _addressBlock = now + options.BlockDuration;
            _failures.Clear();
        }
    }

    /// <summary>A right secret: the client's failures from here are forgiven. The address's count stays, or one client could reset it.</summary>
    public void Succeed(string clientId) => _failuresByClient.Remove(clientId);

    /// <summary>Until when anything held here still matters; null when nothing does.</summary>
    public DateTimeOffset? NeededUntil(DateTimeOffset now)
    {
        Forget(now);
        var times = _clientBlocks.Values
            .Concat(_failures.Select(failure => failure + options.Window))
            .Concat(_addressBlock is { } block ? [block] : []);
        return times.Any() ? times.Max() : null;
    }

    private void Forget(DateTimeOffset now)
    {
        var since = now - options.Window;
        while (_failures.TryPeek(out var oldest) && oldest <= since)
            _failures.Dequeue();
        foreach (var (clientId, failures) in _failuresByClient.ToList())
        {
            while (failures.TryPeek(out var oldest) && oldest <= since)
                failures.Dequeue();
            if (failures.Count == 0)
                _failuresByClient.Remove(clientId);
        }
        foreach (var (clientId, until) in _clientBlocks.ToList())
        {
            if (until <= now)
                _clientBlocks.Remove(clientId);
        }
        if (_addressBlock <= now)
            _addressBlock = null;
    }
}

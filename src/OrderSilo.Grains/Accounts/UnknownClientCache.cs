using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OrderSilo.Grains.Accounts;

/// <summary>
/// The client ids this silo found not to exist, for <see cref="SignInOptions.UnknownClientCacheDuration"/>: a guess
/// repeated costs neither an activation nor a database read. Bounded: when full, expired ids go first, then all.
/// A client registered on this silo is forgotten at once; one registered on another silo may be refused here for
/// the cache's duration if it was tried before it existed (client ids are random, so only a configured id can be).
/// </summary>
public sealed class UnknownClientCache(IOptions<SignInOptions> options)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _until = new(StringComparer.Ordinal);

    public bool IsUnknown(string clientId, DateTimeOffset now) => _until.TryGetValue(clientId, out var until) && until > now;

    public void Remember(string clientId, DateTimeOffset now)
    {
        if (_until.Count >= options.Value.UnknownClientCacheSize)
        {
            foreach (var (id, until) in _until)
            {
                if (until <= now)
                    _until.TryRemove(id, out _);
            }
            if (_until.Count >= options.Value.UnknownClientCacheSize)
                _until.Clear();
        }
        _until[clientId] = now + options.Value.UnknownClientCacheDuration;
    }

    public void Forget(string clientId) => _until.TryRemove(clientId, out _);
}

namespace Winyx.Api.Metrics;

/// <summary>
/// The users seen since the last flush, by minute, for <see cref="ActiveUsersTracker"/>. A user is
/// queued once per minute: repeat requests of a user within a minute cost a set lookup, not a Redis call.
/// </summary>
/// <remarks>
/// Sending every authenticated request to Redis (a HyperLogLog add and an expire) was one of the three
/// largest costs of a cached GET (bench/RESULTS.md); a HyperLogLog counts each user once per key anyway.
/// Both sets are bounded: beyond <see cref="MaxUsersPerMinute"/> a user is not remembered (and may be
/// queued again), and a full queue drops the user.
/// </remarks>
internal sealed class SeenUsersBuffer
{
    /// <summary>How many distinct users per minute are remembered as already queued.</summary>
    public const int MaxUsersPerMinute = 100_000;

    private readonly Lock _gate = new();
    private readonly HashSet<long> _queuedThisMinute = [];
    private List<SeenUser> _pending = [];
    private long _minute = long.MinValue;

    /// <summary>Queues <paramref name="userId"/> for <paramref name="minute"/> unless it is queued already.</summary>
    public void Add(long minute, long userId)
    {
        lock (_gate)
        {
            if (minute != _minute)
            {
                _minute = minute;
                _queuedThisMinute.Clear();
            }

            if (_queuedThisMinute.Contains(userId))
            {
                return;
            }

            if (_pending.Count >= MaxUsersPerMinute)
            {
                return;
            }

            if (_queuedThisMinute.Count < MaxUsersPerMinute)
            {
                _queuedThisMinute.Add(userId);
            }

            _pending.Add(new SeenUser(minute, userId));
        }
    }

    /// <summary>Takes everything queued so far.</summary>
    public IReadOnlyList<SeenUser> TakeAll()
    {
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return [];
            }

            var taken = _pending;
            _pending = [];
            return taken;
        }
    }

    /// <summary>Puts back users whose flush failed, so the next flush sends them (as far as room allows).</summary>
    public void Requeue(IEnumerable<SeenUser> users)
    {
        lock (_gate)
        {
            foreach (var user in users)
            {
                if (_pending.Count >= MaxUsersPerMinute)
                {
                    return;
                }

                _pending.Add(user);
            }
        }
    }
}

/// <summary>A user seen in a minute (minutes since the Unix epoch).</summary>
internal readonly record struct SeenUser(long Minute, long UserId);

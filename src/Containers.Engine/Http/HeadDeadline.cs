namespace Containers.Engine.Http
{
    /// <summary>
    /// How long one request may wait for the engine's response head (the body, once the head is in, is the caller's to
    /// read for as long as it likes). Ordinary calls get a fixed limit. Streams and calls whose answer waits for the
    /// engine's work (a build, a pull, a save, a disk usage count) cannot have one, since their head legitimately comes
    /// late; they wait for as long as the engine is alive instead: after half the limit the engine is pinged, and the wait
    /// ends when a ping goes unanswered for the other half. An engine that accepts connections and never answers (a
    /// frozen dockerd, a port that is not an engine) thus ends every wait within the limit.
    /// </summary>
    internal sealed class HeadDeadline : IDisposable
    {
        /// <summary>The longest limit a timer holds (CancelAfter takes at most int.MaxValue milliseconds, 24.8 days).</summary>
        public static readonly TimeSpan LongestFixedLimit = TimeSpan.FromMilliseconds(int.MaxValue);

        private readonly CancellationTokenSource _expired = new CancellationTokenSource();
        private readonly CancellationTokenSource? _stopProbing; // waiting while alive only: ordinary calls stay as lean as a timer
        private readonly object _gate = new object();
        private bool _disposed;

        private HeadDeadline(TimeSpan limit, bool whileAlive)
        {
            Limit = limit;
            WhileAlive = whileAlive;
            _stopProbing = whileAlive ? new CancellationTokenSource() : null;
        }

        /// <summary>Cancelled when the limit has passed (or, waiting while alive, when a ping went unanswered).</summary>
        public CancellationToken Token => _expired.Token;

        public TimeSpan Limit { get; }

        /// <summary>True when the wait ends only when the engine stops answering pings.</summary>
        public bool WhileAlive { get; }

        /// <summary>Waits while <paramref name="ping"/> succeeds, pinging every half <paramref name="limit"/>, each ping bounded by the other half.</summary>
        public static HeadDeadline StartWhileAlive(TimeSpan limit, Func<CancellationToken, Task> ping)
        {
            var deadline = new HeadDeadline(limit, whileAlive: true);
            _ = deadline.ProbeAsync(ping);
            return deadline;
        }

        /// <summary>Expires after <paramref name="limit"/>, at most <see cref="LongestFixedLimit"/>.</summary>
        public static HeadDeadline StartFixed(TimeSpan limit)
        {
            var deadline = new HeadDeadline(limit, whileAlive: false);
            deadline._expired.CancelAfter(limit);
            return deadline;
        }

        private async Task ProbeAsync(Func<CancellationToken, Task> ping)
        {
            TimeSpan half = TimeSpan.FromTicks(Limit.Ticks / 2);
            CancellationToken stop = _stopProbing!.Token;
            try
            {
                while (true)
                {
                    await Task.Delay(half, stop).ConfigureAwait(false);
                    using var bound = CancellationTokenSource.CreateLinkedTokenSource(stop);
                    bound.CancelAfter(half);
                    try
                    {
                        await ping(bound.Token).ConfigureAwait(false);
                    }
                    catch (Exception) when (!stop.IsCancellationRequested)
                    {
                        // Unanswered, refused or cut: whatever the reason, the engine is not there to answer the request either.
                        Expire();
                        return;
                    }
                }
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // The head came, or the caller gave up.
            }
        }

        private void Expire()
        {
            lock (_gate)
            {
                if (!_disposed)
                {
                    _expired.Cancel();
                }
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
            }

            // The probe may still be finishing a ping under this token: cancel it, never dispose it (it holds no timer).
            _stopProbing?.Cancel();
            _expired.Dispose();
        }
    }
}

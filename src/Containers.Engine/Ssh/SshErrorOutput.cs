namespace Containers.Engine.Ssh
{
    /// <summary>
    /// What a long-running ssh writes to standard error, read as it comes (so the pipe never fills and stalls it) and
    /// kept as its last lines for an error message. It also tells when the session stands: at LogLevel VERBOSE ssh
    /// writes "Authenticated to HOST ..." once the login succeeded, and the remote command runs from then on.
    /// </summary>
    internal sealed class SshErrorOutput
    {
        private const int KeptLines = 40;

        private readonly Queue<string> _lines = new Queue<string>();
        private readonly TaskCompletionSource<bool> _authenticated = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        public SshErrorOutput(StreamReader reader)
        {
            Drained = ReadAsync(reader);
        }

        /// <summary>Completes when ssh has logged in; never when it fails before that.</summary>
        public Task Authenticated => _authenticated.Task;

        /// <summary>Completes when standard error has ended (ssh exited, or was killed).</summary>
        public Task Drained { get; }

        /// <summary>The lines kept, without ssh's own bookkeeping at the end of a session.</summary>
        public string Text
        {
            get
            {
                lock (_lines)
                {
                    return string.Join("\n", _lines);
                }
            }
        }

        private async Task ReadAsync(StreamReader reader)
        {
            try
            {
                string? line;
                while ((line = await reader.ReadLineAsync().ConfigureAwait(false)) != null)
                {
                    if (line.StartsWith("Authenticated to ", StringComparison.Ordinal))
                    {
                        _authenticated.TrySetResult(true);
                        continue;
                    }

                    if (line.StartsWith("Transferred: ", StringComparison.Ordinal) || line.StartsWith("Bytes per second: ", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    lock (_lines)
                    {
                        _lines.Enqueue(line);
                        if (_lines.Count > KeptLines)
                        {
                            _lines.Dequeue();
                        }
                    }
                }
            }
            catch (Exception e) when (e is IOException || e is ObjectDisposedException)
            {
                // ssh was killed and its pipe closed under the reader: what was read is what there is.
            }
        }
    }
}

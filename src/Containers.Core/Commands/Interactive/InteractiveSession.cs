using Containers.Engine.Errors;
using Containers.Engine.Streams;

namespace Containers.Commands.Interactive
{
    /// <summary>
    /// Joins a terminal to an attached engine stream until the stream ends: keys go in as typed, output comes back as
    /// it is written, size changes are passed on. The terminal is put in raw mode for the session and restored when it
    /// ends, however it ends (the process exits, the user detaches, the command is stopped, the connection breaks).
    /// </summary>
    internal sealed class InteractiveSession
    {
        // After the detach keys the engine closes the stream itself; should it not (the process takes no input), the
        // session still ends this long after.
        private static readonly TimeSpan DetachGrace = TimeSpan.FromSeconds(1);

        private static readonly byte[] EndOfTransmission = { 0x04 };

        private readonly Stream _stream;
        private readonly bool _framed;
        private readonly IInteractiveTerminal _terminal;
        private readonly DetachKeys _detachKeys;
        private readonly Func<TerminalSize, CancellationToken, Task>? _resize;
        private readonly SemaphoreSlim _sizeChanged = new SemaphoreSlim(0);
        private volatile bool _detached;

        /// <param name="framed">The container has no TTY: output arrives in stdout/stderr frames.</param>
        /// <param name="resize">Sends a size to the engine; null when the process has no terminal to size.</param>
        public InteractiveSession(Stream stream, bool framed, IInteractiveTerminal terminal, DetachKeys detachKeys, Func<TerminalSize, CancellationToken, Task>? resize)
        {
            _stream = stream;
            _framed = framed;
            _terminal = terminal;
            _detachKeys = detachKeys;
            _resize = resize;
        }

        /// <summary>Runs the session; true when the user left with the detach keys (the process goes on running).</summary>
        public async Task<bool> RunAsync(CancellationToken cancellationToken)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task input = Task.CompletedTask;
            Task sizing = Task.CompletedTask;
            EventHandler<TerminalSize> onResize = (_, __) => _sizeChanged.Release();
            _terminal.SizeChanged += onResize;
            try
            {
                _terminal.EnterRawMode();
                input = PumpInputAsync(stop);
                sizing = _resize != null ? ResizeAsync(stop.Token) : Task.CompletedTask;
                try
                {
                    await PumpOutputAsync(stop.Token);
                }
                catch (Exception e) when (_detached && !cancellationToken.IsCancellationRequested && (e is OperationCanceledException || e is EngineConnectionException))
                {
                    // The detach grace ran out: the stream was closed from this side.
                }

                cancellationToken.ThrowIfCancellationRequested();
                return _detached;
            }
            finally
            {
                _terminal.SizeChanged -= onResize;
                stop.Cancel();
                await QuietlyAsync(input);
                await QuietlyAsync(sizing);
                _terminal.Restore();
                _sizeChanged.Dispose();
            }
        }

        private async Task PumpOutputAsync(CancellationToken cancellationToken)
        {
            var buffer = new byte[16 * 1024];
            var reader = new MultiplexedStreamReader(_stream, tty: !_framed);
            while (true)
            {
                (_, int count) = await reader.ReadAsync(buffer, 0, buffer.Length, cancellationToken);
                if (count == 0)
                {
                    return;
                }

                await _terminal.WriteOutputAsync(buffer, 0, count, cancellationToken);
            }
        }

        private async Task PumpInputAsync(CancellationTokenSource stop)
        {
            await Task.Yield(); // start reading the output first
            var buffer = new byte[1024];
            while (true)
            {
                int count = await _terminal.ReadInputAsync(buffer, stop.Token);
                if (count == 0)
                {
                    // The terminal has no more input: a terminal does not pass a close on, so send its end-of-input key.
                    await _stream.WriteAsync(EndOfTransmission, 0, 1, stop.Token);
                    return;
                }

                await _stream.WriteAsync(buffer, 0, count, stop.Token);
                if (_detachKeys.Observe(buffer, count))
                {
                    _detached = true;
                    stop.CancelAfter(DetachGrace);
                    return;
                }
            }
        }

        // One resize at a time, always the latest size; the first one right away. The engine refuses a resize until the
        // process has started, so the first is retried briefly, as the docker CLI does.
        private async Task ResizeAsync(CancellationToken cancellationToken)
        {
            TerminalSize? sent = null;
            for (int attempt = 0; attempt < 10; attempt++)
            {
                if (await TryResizeAsync(_terminal.Size, cancellationToken))
                {
                    sent = _terminal.Size;
                    break;
                }

                await Task.Delay(10 * (attempt + 1), cancellationToken);
            }

            while (true)
            {
                await _sizeChanged.WaitAsync(cancellationToken);
                TerminalSize size = _terminal.Size;
                if (!sent.HasValue || !sent.Value.Equals(size))
                {
                    if (await TryResizeAsync(size, cancellationToken))
                    {
                        sent = size;
                    }
                }
            }
        }

        private async Task<bool> TryResizeAsync(TerminalSize size, CancellationToken cancellationToken)
        {
            if (!size.IsUsable)
            {
                return true;
            }

            try
            {
                await _resize!(size, cancellationToken);
                return true;
            }
            catch (EngineException)
            {
                // Not yet running, or already gone: a wrong size is not worth ending the session for.
                return false;
            }
        }

        // The pumps' own endings (cancelled, the connection closed under them) are not the session's outcome.
        private static async Task QuietlyAsync(Task task)
        {
            try
            {
                await task;
            }
            catch (Exception e) when (e is OperationCanceledException || e is EngineException || e is IOException || e is ObjectDisposedException)
            {
            }
        }
    }
}

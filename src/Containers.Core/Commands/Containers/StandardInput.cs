using System.Text;
using Containers.Engine.Errors;
using Containers.Engine.Http;

namespace Containers.Commands.Containers
{
    /// <summary>
    /// Feeds text to a process's standard input over its attached stream while the output is read, then ends the input.
    /// Without a terminal the sending side is closed, so the process reads end of input while its output keeps flowing.
    /// A terminal does not pass a close on, and closing a run's input (StdinOnce) hangs the terminal up before the
    /// output is read, so there the terminal's own end-of-input character (Ctrl+D) is sent instead.
    /// </summary>
    internal sealed class StandardInput
    {
        private static readonly byte[] EndOfTransmission = { 0x04 };

        private readonly CancellationTokenSource _stop;
        private readonly Task _sending;

        private StandardInput(HijackedStream stream, string? text, bool tty, CancellationToken cancellationToken)
        {
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _sending = SendAsync(stream, text, tty, _stop.Token);
        }

        /// <summary>Starts sending <paramref name="text"/> (nothing when null) and then the end of input.</summary>
        public static StandardInput Start(HijackedStream stream, string? text, bool tty, CancellationToken cancellationToken) =>
            new StandardInput(stream, text, tty, cancellationToken);

        /// <summary>
        /// Called once the output has ended: the process is gone, so input it never took is dropped rather than waited on
        /// (the engine does not always close a finished process's input side). Errors of the sending side are not the
        /// run's: a process may end without reading its input, as a native command at the end of a pipeline may.
        /// </summary>
        public async Task FinishAsync()
        {
            _stop.Cancel();
            try
            {
                await _sending;
            }
            catch (Exception e) when (e is OperationCanceledException || e is EngineConnectionException)
            {
                // See above: not the run's failure. The caller's own cancellation shows on the output side.
            }
            finally
            {
                _stop.Dispose();
            }
        }

        private static async Task SendAsync(HijackedStream stream, string? text, bool tty, CancellationToken cancellationToken)
        {
            await Task.Yield(); // let the caller start reading the output first
            if (!string.IsNullOrEmpty(text))
            {
                byte[] bytes = new UTF8Encoding(false).GetBytes(text);
                await stream.WriteAsync(bytes, 0, bytes.Length, cancellationToken);
            }

            if (tty)
            {
                await stream.WriteAsync(EndOfTransmission, 0, EndOfTransmission.Length, cancellationToken);
                return;
            }

            await stream.CloseWriteAsync();
        }
    }
}

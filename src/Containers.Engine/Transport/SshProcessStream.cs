using System.Diagnostics;
using Containers.Engine.Errors;
using Containers.Engine.Processes;
using Containers.Engine.Ssh;

namespace Containers.Engine.Transport
{
    /// <summary>
    /// One connection to an ssh:// engine: the bytes go to the standard input of <c>ssh HOST docker system dial-stdio</c>
    /// and come from its standard output. The stream owns the process: disposing it kills ssh (which ends the remote
    /// command), and closing the sending side closes ssh's standard input, which dial-stdio passes on as a half-close.
    /// When the remote command ends before the engine said anything, reading or writing tells why, from what it wrote
    /// to standard error, instead of a bare end of stream.
    /// </summary>
    internal sealed class SshProcessStream : Stream
    {
        // How long an ended remote command may take to finish writing why, once its output has ended.
        private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(10);

        private readonly EngineEndpoint _endpoint;
        private readonly Process _process;
        private readonly SshErrorOutput _errors;
        private readonly Task _exited;
        private readonly Stream _input;
        private readonly Stream _output;
        private int _inputClosed;
        private int _disposed;
        private bool _answered;

        public SshProcessStream(EngineEndpoint endpoint, Process process, SshErrorOutput errors, Task exited)
        {
            _endpoint = endpoint;
            _process = process;
            _errors = errors;
            _exited = exited;
            _input = process.StandardInput.BaseStream;
            _output = process.StandardOutput.BaseStream;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read;
            try
            {
                read = _output.Read(buffer, offset, count);
            }
            catch (IOException) when (FailedBeforeAnswer)
            {
                read = 0;
            }

            if (read == 0 && FailedBeforeAnswer)
            {
                throw FailureAsync().GetAwaiter().GetResult();
            }

            return Counted(read);
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            int read;
            try
            {
                read = await _output.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException) when (FailedBeforeAnswer)
            {
                read = 0;
            }

            if (read == 0 && FailedBeforeAnswer)
            {
                throw await FailureAsync().ConfigureAwait(false);
            }

            return Counted(read);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            try
            {
                _input.Write(buffer, offset, count);
            }
            catch (IOException) when (FailedBeforeAnswer)
            {
                throw FailureAsync().GetAwaiter().GetResult();
            }
        }

        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            try
            {
                await _input.WriteAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException) when (FailedBeforeAnswer)
            {
                throw await FailureAsync().ConfigureAwait(false);
            }
        }

        public override void Flush() => _input.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => _input.FlushAsync(cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        /// <summary>Ends ssh's standard input: the engine sees the end of what was sent, and keeps answering.</summary>
        public Task CloseInputAsync()
        {
            if (Interlocked.Exchange(ref _inputClosed, 1) == 0)
            {
                try
                {
                    _input.Dispose();
                }
                catch (IOException)
                {
                    // ssh has gone already; reading tells the rest.
                }
            }

            return Task.CompletedTask;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                // Killing first ends pending reads and writes on the pipes, which closing them alone would not.
                ChildProcess.Kill(_process);
                CloseInputAsync();
                try
                {
                    _output.Dispose();
                }
                catch (IOException)
                {
                    // Nothing left to read anyway.
                }

                _process.Dispose();
            }

            base.Dispose(disposing);
        }

        // The end before any answer is the remote command failing (no docker, no engine), not an engine closing an idle
        // connection: that is told with its reason. After an answer, the end is the engine's to give, and HTTP reads it.
        private bool FailedBeforeAnswer => !_answered && Volatile.Read(ref _disposed) == 0;

        private int Counted(int read)
        {
            if (read > 0)
            {
                _answered = true;
            }

            return read;
        }

        private async Task<EngineConnectionException> FailureAsync()
        {
            // Bounded: ssh exits once the remote command has, and its standard error ends with it.
            Task ended = Task.WhenAll(_exited, _errors.Drained);
            await Task.WhenAny(ended, Task.Delay(ExitGrace)).ConfigureAwait(false);
            int? exitCode = _exited.IsCompleted ? _process.ExitCode : (int?)null;
            return SshEngineFailures.AfterLogin(_endpoint, _errors.Text, exitCode);
        }
    }
}

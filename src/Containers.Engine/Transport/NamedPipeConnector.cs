using System.IO.Pipes;
using Containers.Engine.Errors;

namespace Containers.Engine.Transport
{
    /// <summary>
    /// Connects to a Windows named pipe. A pipe that exists but is busy is waited for (up to the connect limit, never the
    /// 100 ms other clients used); a pipe that does not exist fails at once.
    /// </summary>
    internal sealed class NamedPipeConnector : IStreamConnector
    {
        private readonly string _pipeName;
        private readonly TimeSpan _connectTimeout;

        public NamedPipeConnector(string pipeName, TimeSpan connectTimeout)
        {
            _pipeName = pipeName;
            _connectTimeout = connectTimeout;
        }

        public string Description => "npipe:////./pipe/" + _pipeName;

        public async Task<EngineStream> ConnectAsync(CancellationToken cancellationToken)
        {
            if (Environment.OSVersion.Platform != PlatformID.Win32NT)
            {
                throw new EngineConnectionException($"Cannot connect to the engine at {Description}: named pipes exist only on Windows. Use unix:// or tcp:// here.");
            }

            if (!PipeExists())
            {
                throw new EngineConnectionException($"Cannot connect to the engine at {Description}: the pipe does not exist. Is the Docker engine running?");
            }

            var pipe = new NamedPipeClientStream(".", _pipeName, PipeDirection.InOut, PipeOptions.Asynchronous);
            try
            {
                await pipe.ConnectAsync((int)_connectTimeout.TotalMilliseconds, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException e)
            {
                pipe.Dispose();
                throw new EngineConnectionException($"Cannot connect to the engine at {Description}: the pipe stayed busy for {_connectTimeout.TotalSeconds:0} seconds.", e);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                pipe.Dispose();
                throw new EngineConnectionException($"Cannot connect to the engine at {Description}: {e.Message}", e);
            }
            catch
            {
                pipe.Dispose();
                throw;
            }

            // go-winio reads a zero-byte message as end of input: that is how stdin is closed on a pipe.
            return new EngineStream(pipe, () => pipe.WriteAsync(Array.Empty<byte>(), 0, 0));
        }

        private bool PipeExists()
        {
            try
            {
                return Directory.EnumerateFiles(@"\\.\pipe\")
                    .Any(path => string.Equals(Path.GetFileName(path), _pipeName, StringComparison.OrdinalIgnoreCase));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return true; // cannot tell: let the connect attempt decide
            }
        }
    }
}

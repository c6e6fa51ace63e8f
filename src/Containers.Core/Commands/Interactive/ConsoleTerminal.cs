using System.Runtime.InteropServices;
using System.Text;

namespace Containers.Commands.Interactive
{
    /// <summary>
    /// The process's console as the session's terminal. Keys are read with Console.ReadKey (Ctrl+C included, as input
    /// for the container, as docker exec -it does) and turned into VT bytes; output goes to the raw standard output
    /// stream, so the container's escape sequences reach the console untouched; the window size is polled, since .NET
    /// raises no event for it. Input is polled too (Console.KeyAvailable), so a stopped command leaves no thread blocked
    /// in ReadKey that would swallow the next key typed at the prompt. Everything changed is put back in
    /// <see cref="Restore"/>. Used only after <see cref="InteractiveHost"/> found a console that is not redirected.
    /// </summary>
    public sealed class ConsoleTerminal : IInteractiveTerminal
    {
        private static readonly TimeSpan KeyPoll = TimeSpan.FromMilliseconds(15);
        private static readonly TimeSpan SizePoll = TimeSpan.FromMilliseconds(250);

        private readonly VtKeyTranslator _keys = new VtKeyTranslator();
        private readonly Queue<byte> _pending = new Queue<byte>();
        private readonly object _gate = new object();
        private bool _raw;
        private bool _savedTreatControlCAsInput;
        private Encoding? _savedOutputEncoding;
        private WindowsConsoleMode? _windowsMode;
        private Stream? _output;
        private TerminalSize _lastSize;
        private DateTime _nextSizeCheck;

        public event EventHandler<TerminalSize>? SizeChanged;

        public TerminalSize Size
        {
            get
            {
                try
                {
                    return new TerminalSize(Console.WindowWidth, Console.WindowHeight);
                }
                catch (Exception e) when (e is IOException || e is InvalidOperationException || e is PlatformNotSupportedException)
                {
                    return default;
                }
            }
        }

        public void EnterRawMode()
        {
            lock (_gate)
            {
                if (_raw)
                {
                    return;
                }

                _raw = true;
                _savedTreatControlCAsInput = Console.TreatControlCAsInput;
                Console.TreatControlCAsInput = true;
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                {
                    _windowsMode = WindowsConsoleMode.EnableVirtualTerminal();
                    // Containers write UTF-8; the console shows the raw bytes in its output code page.
                    _savedOutputEncoding = Console.OutputEncoding;
                    Console.OutputEncoding = new UTF8Encoding(false);
                }

                _output = Console.OpenStandardOutput();
                _lastSize = Size;
                _nextSizeCheck = DateTime.UtcNow + SizePoll;
            }
        }

        public void Restore()
        {
            lock (_gate)
            {
                if (!_raw)
                {
                    return;
                }

                _raw = false;
                // Each setting on its own: one that cannot be put back must not keep the others from it.
                Attempt(() => _output?.Flush());
                Attempt(() => _windowsMode?.Restore());
                Attempt(() =>
                {
                    if (_savedOutputEncoding != null)
                    {
                        Console.OutputEncoding = _savedOutputEncoding;
                    }
                });
                Attempt(() => Console.TreatControlCAsInput = _savedTreatControlCAsInput);
                _windowsMode = null;
                _savedOutputEncoding = null;
                _output = null;
            }
        }

        public async Task<int> ReadInputAsync(byte[] buffer, CancellationToken cancellationToken)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                CheckSize();
                while (_pending.Count < buffer.Length && Console.KeyAvailable)
                {
                    foreach (byte b in _keys.Translate(Console.ReadKey(intercept: true)))
                    {
                        _pending.Enqueue(b);
                    }
                }

                if (_pending.Count > 0)
                {
                    int count = 0;
                    while (count < buffer.Length && _pending.Count > 0)
                    {
                        buffer[count++] = _pending.Dequeue();
                    }

                    return count;
                }

                await Task.Delay(KeyPoll, cancellationToken);
            }
        }

        public Task WriteOutputAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            // Console streams write synchronously whatever the API; one write and a flush keeps the screen current.
            Stream output = _output ?? throw new InvalidOperationException("The console is not in raw mode.");
            output.Write(buffer, offset, count);
            output.Flush();
            return Task.CompletedTask;
        }

        private void CheckSize()
        {
            if (DateTime.UtcNow < _nextSizeCheck)
            {
                return;
            }

            _nextSizeCheck = DateTime.UtcNow + SizePoll;
            TerminalSize size = Size;
            if (!size.Equals(_lastSize))
            {
                _lastSize = size;
                SizeChanged?.Invoke(this, size);
            }
        }

        private static void Attempt(Action restore)
        {
            try
            {
                restore();
            }
            catch (Exception e) when (e is IOException || e is InvalidOperationException || e is PlatformNotSupportedException || e is ObjectDisposedException)
            {
                // The console went away (window closed): nothing left to restore.
            }
        }
    }
}

using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Containers.Commands.Interactive;

namespace Containers.Tests.Core.Commands.Interactive
{
    /// <summary>
    /// A terminal driven by the test: it types text when told to, keeps everything the session wrote, can be resized,
    /// and counts raw mode entered and restored, so a real session against the private engine can be checked end to end.
    /// </summary>
    public sealed class ScriptedTerminal : IInteractiveTerminal
    {
        private readonly Channel<byte[]> _input = Channel.CreateUnbounded<byte[]>();
        private readonly Queue<byte> _pending = new Queue<byte>();
        private readonly List<byte> _output = new List<byte>();
        private readonly object _gate = new object();
        private int _entered;
        private int _restored;
        private bool _raw;
        private TerminalSize _size;

        public ScriptedTerminal(int columns = 80, int rows = 24)
        {
            _size = new TerminalSize(columns, rows);
        }

        public event EventHandler<TerminalSize>? SizeChanged;

        public TerminalSize Size
        {
            get
            {
                lock (_gate)
                {
                    return _size;
                }
            }
        }

        public int TimesEntered => Volatile.Read(ref _entered);

        /// <summary>Restore calls that found the terminal raw (so that put it back).</summary>
        public int TimesRestored => Volatile.Read(ref _restored);

        public bool IsRaw
        {
            get
            {
                lock (_gate)
                {
                    return _raw;
                }
            }
        }

        public string Output
        {
            get
            {
                lock (_gate)
                {
                    return Encoding.UTF8.GetString(_output.ToArray());
                }
            }
        }

        public void Type(string text) => _input.Writer.TryWrite(Encoding.UTF8.GetBytes(text));

        public void EndInput() => _input.Writer.TryComplete();

        public void Resize(int columns, int rows)
        {
            lock (_gate)
            {
                _size = new TerminalSize(columns, rows);
            }

            SizeChanged?.Invoke(this, new TerminalSize(columns, rows));
        }

        /// <summary>Waits until the output holds <paramref name="text"/>; fails with the output so far.</summary>
        public async Task WaitForOutputAsync(string text, TimeSpan? timeout = null)
        {
            var clock = Stopwatch.StartNew();
            while (!Output.Contains(text, StringComparison.Ordinal))
            {
                if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(20)))
                {
                    throw new TimeoutException($"'{Escape(text)}' did not appear; output so far: '{Escape(Output)}'");
                }

                await Task.Delay(20);
            }
        }

        /// <summary>Types <paramref name="text"/> every half second until <paramref name="expected"/> shows (for what races a resize).</summary>
        public async Task TypeUntilAsync(string text, string expected, TimeSpan? timeout = null)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                Type(text);
                try
                {
                    await WaitForOutputAsync(expected, TimeSpan.FromMilliseconds(500));
                    return;
                }
                catch (TimeoutException) when (clock.Elapsed < (timeout ?? TimeSpan.FromSeconds(20)))
                {
                }
            }
        }

        public void EnterRawMode()
        {
            lock (_gate)
            {
                _raw = true;
                _entered++;
            }
        }

        public void Restore()
        {
            lock (_gate)
            {
                if (_raw)
                {
                    _raw = false;
                    _restored++;
                }
            }
        }

        public async Task<int> ReadInputAsync(byte[] buffer, CancellationToken cancellationToken)
        {
            if (_pending.Count == 0)
            {
                if (!await _input.Reader.WaitToReadAsync(cancellationToken))
                {
                    return 0;
                }

                if (_input.Reader.TryRead(out byte[]? chunk))
                {
                    foreach (byte b in chunk)
                    {
                        _pending.Enqueue(b);
                    }
                }
            }

            int count = 0;
            while (count < buffer.Length && _pending.Count > 0)
            {
                buffer[count++] = _pending.Dequeue();
            }

            return count;
        }

        public Task WriteOutputAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                for (int i = 0; i < count; i++)
                {
                    _output.Add(buffer[offset + i]);
                }
            }

            return Task.CompletedTask;
        }

        private static string Escape(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\x1b", "\\e");
    }
}

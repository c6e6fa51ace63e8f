using System.Text;

namespace Containers.Engine.Streams
{
    /// <summary>
    /// Turns output bytes into lines, one decoder and one pending line per stream: frames split lines and UTF-8 sequences
    /// anywhere, and stdout and stderr interleave. A trailing carriage return (TTY output) is dropped.
    /// </summary>
    public sealed class LineSplitter
    {
        private readonly Pending _stdout = new Pending();
        private readonly Pending _stderr = new Pending();
        private char[] _chars = new char[8192];

        /// <summary>Feeds bytes of one stream; calls <paramref name="onLine"/> for each line they complete.</summary>
        public void Push(StdStream stream, byte[] buffer, int offset, int count, Action<StdStream, string> onLine)
        {
            Pending pending = stream == StdStream.Stderr ? _stderr : _stdout;

            // UTF-8 never decodes to more chars than bytes (an invalid byte becomes one U+FFFD), counting the up to 3
            // bytes of a sequence the decoder holds from the last piece: room for that, without decoding twice to count.
            int most = count + 4;
            if (most > _chars.Length)
            {
                _chars = new char[Math.Max(most, _chars.Length * 2)];
            }

            int decoded = pending.Decoder.GetChars(buffer, offset, count, _chars, 0, flush: false);
            int start = 0;
            for (int i = Array.IndexOf(_chars, '\n', 0, decoded); i >= 0; i = Array.IndexOf(_chars, '\n', start, decoded - start))
            {
                // A line within this piece becomes its string at once; one begun in an earlier piece is completed first.
                onLine(stream, pending.Text.Length == 0 ? Line(_chars, start, i - start) : pending.Take(_chars, start, i - start));
                start = i + 1;
            }

            pending.Text.Append(_chars, start, decoded - start);
        }

        /// <summary>Emits what remains of each stream at its end: output that did not finish with a newline.</summary>
        public void Flush(Action<StdStream, string> onLine)
        {
            foreach ((StdStream stream, Pending pending) in new[] { (StdStream.Stdout, _stdout), (StdStream.Stderr, _stderr) })
            {
                var tail = new char[16];
                int count = pending.Decoder.GetChars(Array.Empty<byte>(), 0, 0, tail, 0, flush: true);
                pending.Text.Append(tail, 0, count);
                if (pending.Text.Length > 0)
                {
                    onLine(stream, pending.Take());
                }
            }
        }

        private static string Line(char[] chars, int start, int count) =>
            new string(chars, start, count > 0 && chars[start + count - 1] == '\r' ? count - 1 : count);

        private sealed class Pending
        {
            public Decoder Decoder { get; } = new UTF8Encoding(false).GetDecoder();

            public StringBuilder Text { get; } = new StringBuilder();

            /// <summary>The pending text and <paramref name="count"/> more chars as one line.</summary>
            public string Take(char[] chars, int start, int count)
            {
                Text.Append(chars, start, count);
                return Take();
            }

            public string Take()
            {
                int length = Text.Length;
                if (length > 0 && Text[length - 1] == '\r')
                {
                    length--;
                }

                string line = Text.ToString(0, length);
                Text.Clear();
                return line;
            }
        }
    }
}

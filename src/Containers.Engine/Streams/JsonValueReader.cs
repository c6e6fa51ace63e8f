using System.Text.Json;
using Containers.Engine.Errors;
using Containers.Engine.Json;

namespace Containers.Engine.Streams
{
    /// <summary>
    /// Reads a stream of JSON objects (the engine's message streams: pull, push, build, load, events) value after value
    /// as bytes arrive. Values are not promised to sit on lines of their own, nor to arrive whole in one read: whatever
    /// lies between them (white space, 0x00, the record separator 0x1E) is skipped, and a value is parsed as soon as its
    /// last byte is in. The reader owns the stream: the endpoints (pull, push, build, load, events, stats) hand it over
    /// with the engine's answer behind it, so disposing the reader ends the answer, and an answer the engine cut
    /// short raises <see cref="EngineConnectionException"/> from <see cref="ReadAsync"/> rather than looking ended.
    /// </summary>
    /// <typeparam name="T">The shape each object is read into.</typeparam>
    public class JsonValueReader<T> : IDisposable
        where T : class
    {
        private const int InitialBuffer = 16 * 1024;
        private const int MaxMessageBytes = 64 * 1024 * 1024;

        private readonly Stream _stream;
        private byte[] _buffer = new byte[InitialBuffer];
        private int _start;
        private int _end;
        private bool _ended;

        public JsonValueReader(Stream stream)
        {
            _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        }

        /// <summary>The next value, or null once the stream has ended.</summary>
        /// <exception cref="EngineConnectionException">The stream ended inside a value, or held something that is not a JSON object.</exception>
        public async Task<T?> ReadAsync(CancellationToken cancellationToken = default)
        {
            while (true)
            {
                SkipSeparators();
                if (_start < _end && TryTakeValue(out T? value))
                {
                    return value;
                }

                if (_ended)
                {
                    if (_start < _end)
                    {
                        throw new EngineConnectionException($"unexpected EOF: the engine's message stream ended in the middle of a message ({_end - _start} bytes left unread).");
                    }

                    return null;
                }

                await FillAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        private void SkipSeparators()
        {
            while (_start < _end && IsSeparator(_buffer[_start]))
            {
                _start++;
            }
        }

        private static bool IsSeparator(byte value) => value == 0x00 || value == 0x1E || value == (byte)' ' || value == (byte)'\n' || value == (byte)'\r' || value == (byte)'\t';

        private bool TryTakeValue(out T? value)
        {
            value = null;
            var span = new ReadOnlySpan<byte>(_buffer, _start, _end - _start);
            var reader = new Utf8JsonReader(span, isFinalBlock: false, state: default);
            try
            {
                if (!reader.Read())
                {
                    return false;
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new EngineConnectionException($"The engine's message stream holds a {reader.TokenType} where a JSON object was expected.");
                }

                if (!reader.TrySkip())
                {
                    return false; // the object's end has not arrived yet
                }
            }
            catch (JsonException e)
            {
                throw new EngineConnectionException("The engine's message stream is not valid JSON: " + e.Message, e);
            }

            int length = (int)reader.BytesConsumed;
            try
            {
                value = JsonSerializer.Deserialize<T>(span.Slice(0, length), EngineJson.Options);
            }
            catch (JsonException e)
            {
                throw new EngineConnectionException("A message of the engine's stream is not of the shape expected: " + e.Message, e);
            }

            _start += length;
            return value != null;
        }

        /// <summary>Disposes the stream read, and with it the engine's answer (closing its connection when unread).</summary>
        public void Dispose() => _stream.Dispose();

        private async Task FillAsync(CancellationToken cancellationToken)
        {
            if (_start > 0)
            {
                // Keep the unfinished value at the front.
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= MaxMessageBytes)
                {
                    throw new EngineConnectionException($"A message of the engine's stream is larger than {MaxMessageBytes / (1024 * 1024)} MiB.");
                }

                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            int read = await _stream.ReadAsync(_buffer, _end, _buffer.Length - _end, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _ended = true;
            }

            _end += read;
        }
    }
}

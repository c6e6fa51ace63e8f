using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Errors;
using Containers.Engine.Json;
using Containers.Engine.Models;

namespace Containers.Engine.Streams
{
    /// <summary>
    /// Reads the engine's JSON message stream value after value as bytes arrive. Values are not promised to sit on
    /// lines of their own, nor to arrive whole in one read: whatever lies between them (white space, 0x00, the record
    /// separator 0x1E) is skipped, and a value is parsed as soon as its last byte is in.
    /// </summary>
    public sealed class JsonMessageReader
    {
        private const int InitialBuffer = 16 * 1024;
        private const int MaxMessageBytes = 64 * 1024 * 1024;

        private readonly Stream _stream;
        private byte[] _buffer = new byte[InitialBuffer];
        private int _start;
        private int _end;
        private bool _ended;

        public JsonMessageReader(Stream stream)
        {
            _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        }

        /// <summary>The next message, or null once the stream has ended.</summary>
        /// <exception cref="EngineConnectionException">The stream ended inside a value, or held something that is not a JSON object.</exception>
        public Task<JsonMessage?> ReadAsync(CancellationToken cancellationToken = default) => ReadAsync<JsonMessage>(cancellationToken);

        /// <summary>The next value as <typeparamref name="T"/> (for streams of other shapes, such as stats), or null once the stream has ended.</summary>
        public async Task<T?> ReadAsync<T>(CancellationToken cancellationToken = default)
            where T : class
        {
            while (true)
            {
                SkipSeparators();
                if (_start < _end && TryTakeValue(out T? message))
                {
                    return message;
                }

                if (_ended)
                {
                    if (_start < _end)
                    {
                        throw new EngineConnectionException($"The engine's message stream ended in the middle of a message ({_end - _start} bytes left unread).");
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

        private bool TryTakeValue<T>(out T? message)
            where T : class
        {
            message = null;
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
                message = JsonSerializer.Deserialize<T>(span.Slice(0, length), EngineJson.Options);
            }
            catch (JsonException e)
            {
                throw new EngineConnectionException("A message of the engine's stream is not of the shape expected: " + e.Message, e);
            }

            _start += length;
            return message != null;
        }

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

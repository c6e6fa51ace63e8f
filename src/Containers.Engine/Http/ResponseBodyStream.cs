using System.Globalization;
using Containers.Engine.Errors;

namespace Containers.Engine.Http
{
    /// <summary>How a response body ends.</summary>
    internal enum BodyFraming
    {
        Empty,
        ContentLength,
        Chunked,
        UntilClose,
    }

    /// <summary>
    /// A response body read straight off its connection. Reading it to the end hands the connection back to the pool;
    /// disposing it earlier closes the connection, because an unread stream (logs, events) may never end.
    /// </summary>
    internal sealed class ResponseBodyStream : Stream
    {
        private readonly HttpConnection _connection;
        private readonly BodyFraming _framing;
        private readonly Action<HttpConnection, bool> _release;
        private readonly string _engine;
        private readonly string _request;
        private long _remaining;
        private bool _chunkedDone;
        private bool _finished;
        private bool _released;

        /// <param name="engine">The engine's address, and <paramref name="request"/> what was asked of it, for the message of a cut.</param>
        public ResponseBodyStream(HttpConnection connection, BodyFraming framing, long contentLength, bool reusable, Action<HttpConnection, bool> release, string engine, string request)
        {
            _connection = connection;
            _engine = engine;
            _request = request;
            _framing = framing;
            _remaining = contentLength;
            _release = release;
            Reusable = reusable && framing != BodyFraming.UntilClose;
            if (framing == BodyFraming.Empty || (framing == BodyFraming.ContentLength && contentLength == 0))
            {
                Finish();
            }
        }

        private bool Reusable { get; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (_finished || count == 0)
            {
                return 0;
            }

            cancellationToken.ThrowIfCancellationRequested();

            // Socket reads on .NET Framework ignore the token: closing the connection is what actually stops them.
            using (cancellationToken.Register(state => ((HttpConnection)state!).Dispose(), _connection))
            {
                try
                {
                    int read = _framing switch
                    {
                        BodyFraming.ContentLength => await ReadFixedAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false),
                        BodyFraming.Chunked => await ReadChunkedAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false),
                        _ => await _connection.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false),
                    };
                    if (read == 0)
                    {
                        if (cancellationToken.IsCancellationRequested)
                        {
                            // Disposing the connection ends a blocking read with 0 bytes, which must not pass for the end of the body.
                            throw new OperationCanceledException("The engine stream was cancelled.", cancellationToken);
                        }

                        Finish();
                    }

                    return read;
                }
                catch (Exception e) when (cancellationToken.IsCancellationRequested && !(e is OperationCanceledException))
                {
                    throw new OperationCanceledException("The engine stream was cancelled.", e, cancellationToken);
                }
                catch (Exception e) when (e is IOException || e is ObjectDisposedException)
                {
                    _connection.Dispose();
                    throw Cut(e.Message, e);
                }
            }
        }

        private async Task<int> ReadFixedAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (_remaining == 0)
            {
                return 0;
            }

            int read = await _connection.ReadAsync(buffer, offset, (int)Math.Min(count, _remaining), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _connection.Dispose();
                throw Cut($"{_remaining} bytes of its Content-Length still to come");
            }

            _remaining -= read;
            if (_remaining == 0)
            {
                Finish();
            }

            return read;
        }

        private async Task<int> ReadChunkedAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            while (_remaining == 0)
            {
                if (_chunkedDone)
                {
                    return 0;
                }

                string? line = await _connection.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (line == null)
                {
                    // A chunked answer ends with its zero-size chunk, streams (logs, events, pulls) included: the engine
                    // writes it when the handler returns. A connection closed before it is an engine that died or a
                    // connection cut, and what arrived must not pass for the whole answer.
                    _connection.Dispose();
                    throw Cut("the last chunk never came");
                }

                if (line.Length == 0)
                {
                    continue; // the CRLF that ends the previous chunk's data
                }

                int semicolon = line.IndexOf(';');
                string sizeText = semicolon >= 0 ? line.Substring(0, semicolon) : line;
                if (!long.TryParse(sizeText.Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long size) || size < 0)
                {
                    throw new EngineConnectionException($"The engine sent '{line}' where a chunk size was expected.");
                }

                if (size == 0)
                {
                    // Trailers, then the blank line that ends the message.
                    string? trailer;
                    do
                    {
                        trailer = await _connection.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                    }
                    while (!string.IsNullOrEmpty(trailer));

                    _chunkedDone = true;
                    Finish();
                    return 0;
                }

                _remaining = size;
            }

            int read = await _connection.ReadAsync(buffer, offset, (int)Math.Min(count, _remaining), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _connection.Dispose();
                throw Cut($"{_remaining} bytes of a chunk still to come");
            }

            _remaining -= read;
            return read + TakeArrivedChunks(buffer, offset + read, count - read);
        }

        /// <summary>
        /// Goes on through the chunks that have arrived already, without waiting for more: the engine writes a log line
        /// or a progress message as a chunk of its own, and one read handing over all that arrived costs a read, not a
        /// read per chunk. A chunk whose size line has not all arrived, and the last chunk, are left to the next read.
        /// </summary>
        private int TakeArrivedChunks(byte[] buffer, int offset, int count)
        {
            int taken = 0;
            while (taken < count)
            {
                if (_remaining == 0)
                {
                    long size = _connection.TakeBufferedChunkSize();
                    if (size <= 0)
                    {
                        break;
                    }

                    _remaining = size;
                }

                int take = _connection.TakeBuffered(buffer, offset + taken, (int)Math.Min(count - taken, _remaining));
                if (take == 0)
                {
                    break;
                }

                _remaining -= take;
                taken += take;
            }

            return taken;
        }

        /// <summary>
        /// A body that ended otherwise than HTTP says it ends (Content-Length bytes, the zero-size chunk): the engine died
        /// or something between cut the connection, and what arrived is not the whole answer. Worded as the docker CLI
        /// reports it ("unexpected EOF"), naming the engine and what it was answering.
        /// </summary>
        private EngineConnectionException Cut(string detail, Exception? inner = null) =>
            new EngineConnectionException($"unexpected EOF: the engine at {_engine} closed the connection before the end of its answer to {_request} ({detail}).", inner);

        private void Finish()
        {
            _finished = true;
            Release(Reusable && !_connection.IsDisposed);
        }

        private void Release(bool reusable)
        {
            if (!_released)
            {
                _released = true;
                _release(_connection, reusable);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                // Not read to the end: the rest may be endless, so the connection cannot be reused.
                Release(false);
            }

            base.Dispose(disposing);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

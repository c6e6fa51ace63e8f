using System.Net.Security;

namespace Containers.Engine.Tls
{
    /// <summary>
    /// Passes everything through to the TLS stream, and says why the engine hung up when the reason is our client
    /// certificate. Under TLS 1.3 the client's handshake is over before the server has checked the client certificate,
    /// so a missing or untrusted one arrives as an alert on the first read ("bad certificate", "certificate required"),
    /// far from the handshake code that could explain it. The explanation rides on an IOException, which the HTTP layer
    /// reports as a broken connection.
    /// </summary>
    /// <remarks>
    /// A wrapper, not an SslStream subclass: compiled against netstandard2.0, a subclass's base.ReadAsync binds to
    /// Stream.ReadAsync, which on .NET calls SslStream.BeginRead, which calls the override again, without end.
    /// </remarks>
    internal sealed class ClientCertificateRefusalStream : Stream
    {
        private readonly SslStream _tls;
        private readonly TlsSettings _settings;

        public ClientCertificateRefusalStream(SslStream tls, TlsSettings settings)
        {
            _tls = tls;
            _settings = settings;
        }

        public override bool CanRead => _tls.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => _tls.CanWrite;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return _tls.Read(buffer, offset, count);
            }
            catch (IOException e) when (Explain(e) is string explanation)
            {
                throw new IOException(explanation, e);
            }
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            try
            {
                return await _tls.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e) when (Explain(e) is string explanation)
            {
                throw new IOException(explanation, e);
            }
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            try
            {
                _tls.Write(buffer, offset, count);
            }
            catch (IOException e) when (Explain(e) is string explanation)
            {
                throw new IOException(explanation, e);
            }
        }

        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            try
            {
                await _tls.WriteAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e) when (Explain(e) is string explanation)
            {
                throw new IOException(explanation, e);
            }
        }

        public override void Flush() => _tls.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => _tls.FlushAsync(cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _tls.Dispose();
            }

            base.Dispose(disposing);
        }

        private string? Explain(Exception e) =>
            TlsHandshake.LooksLikeClientCertificateRefusal(TlsHandshake.AllMessages(e))
                ? TlsHandshake.DescribeClientCertificateRefusal(_settings, TlsHandshake.InnermostMessage(e))
                : null;
    }
}

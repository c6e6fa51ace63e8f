using System;
using System.IO;
using System.Net.Security;
using System.Threading;
using System.Threading.Tasks;

namespace Containers.Engine.Tls
{
    /// <summary>Wraps a connected stream in TLS 1.2 or later, presenting the client certificate and checking the server's.</summary>
    internal static class TlsHandshake
    {
        public static Task<SslStream> AuthenticateAsync(Stream inner, string targetHost, TlsSettings settings, CancellationToken cancellationToken) =>
            throw new NotImplementedException("TLS is being written.");
    }
}

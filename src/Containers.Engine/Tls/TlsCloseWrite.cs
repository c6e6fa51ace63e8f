using System.Net.Security;
using System.Net.Sockets;
using System.Reflection;

namespace Containers.Engine.Tls
{
    /// <summary>
    /// Half-closing a TLS connection: send close_notify first (so the engine sees a clean end of input), then shut the
    /// socket's sending side. SslStream.ShutdownAsync exists on every runtime we load in, but not in netstandard2.0's surface.
    /// </summary>
    internal static class TlsCloseWrite
    {
        private static readonly MethodInfo? Shutdown = typeof(SslStream).GetMethod("ShutdownAsync", BindingFlags.Public | BindingFlags.Instance, null, System.Type.EmptyTypes, null);

        public static async Task CloseAsync(SslStream tls, Socket socket)
        {
            if (Shutdown?.Invoke(tls, null) is Task notify)
            {
                await notify.ConfigureAwait(false);
            }

            socket.Shutdown(SocketShutdown.Send);
        }
    }
}

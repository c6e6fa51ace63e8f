using System.Net;
using System.Net.Sockets;

namespace Containers.Engine.Transport
{
    /// <summary>Socket connect with cancellation, which netstandard2.0's Socket API lacks.</summary>
    internal static class SocketConnect
    {
        public static async Task ConnectAsync(Socket socket, EndPoint endPoint, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Task connect = Task.Factory.FromAsync(socket.BeginConnect, socket.EndConnect, endPoint, null);
            using (cancellationToken.Register(state => ((Socket)state!).Dispose(), socket))
            {
                try
                {
                    await connect.ConfigureAwait(false);
                }
                catch (Exception e) when (cancellationToken.IsCancellationRequested && !(e is OperationCanceledException))
                {
                    throw new OperationCanceledException("Connecting to the engine was cancelled.", e, cancellationToken);
                }
            }
        }
    }
}

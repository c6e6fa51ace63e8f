using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Containers.Engine.Transport
{
    /// <summary>
    /// netstandard2.0 has no UnixDomainSocketEndPoint. Sockets only need the serialised <c>sockaddr_un</c>:
    /// the address family in the first two bytes, then the NUL-terminated path.
    /// </summary>
    internal sealed class UnixDomainSocketEndPoint : EndPoint
    {
        // sockaddr_un.sun_path is 108 bytes on Linux and Windows, 104 on macOS; stay within the smaller.
        private const int MaxPathBytes = 104;
        private const int PathOffset = 2;

        private readonly string _path;
        private readonly byte[] _encodedPath;

        public UnixDomainSocketEndPoint(string path)
            : this(path, validate: true)
        {
        }

        private UnixDomainSocketEndPoint(string path, bool validate)
        {
            _path = path ?? throw new ArgumentNullException(nameof(path));
            _encodedPath = Encoding.UTF8.GetBytes(path);
            if (validate && (_encodedPath.Length == 0 || _encodedPath.Length >= MaxPathBytes))
            {
                throw new ArgumentException($"The socket path '{path}' must be 1 to {MaxPathBytes - 1} bytes long.", nameof(path));
            }
        }

        public override AddressFamily AddressFamily => AddressFamily.Unix;

        public override SocketAddress Serialize()
        {
            var address = new SocketAddress(AddressFamily.Unix, PathOffset + _encodedPath.Length + 1);
            for (int i = 0; i < _encodedPath.Length; i++)
            {
                address[PathOffset + i] = _encodedPath[i];
            }

            address[PathOffset + _encodedPath.Length] = 0;
            return address;
        }

        public override EndPoint Create(SocketAddress socketAddress)
        {
            int length = socketAddress.Size - PathOffset;
            var bytes = new byte[Math.Max(0, length)];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = socketAddress[PathOffset + i];
            }

            int end = Array.IndexOf(bytes, (byte)0);
            // The peer of a connected client socket is unnamed: an empty path is legitimate here.
            return new UnixDomainSocketEndPoint(Encoding.UTF8.GetString(bytes, 0, end < 0 ? bytes.Length : end), validate: false);
        }

        public override string ToString() => _path;
    }
}

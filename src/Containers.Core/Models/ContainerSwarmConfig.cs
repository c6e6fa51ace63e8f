using System.Text;
using Containers.Engine.Models;

namespace Containers.Models
{
    /// <summary>
    /// A swarm config (named so beside the engine's ContainerConfig, a container's settings), as Get-ContainerConfig and New-ContainerConfig return it. Configs are not secret: the engine returns
    /// their content, shown here as text (<see cref="Data"/>), with the bytes as they are from <see cref="GetBytes"/>.
    /// </summary>
    public sealed class ContainerSwarmConfig : ContainerSwarmData
    {
        private readonly byte[] _bytes;

        private ContainerSwarmConfig(SwarmConfig config, ContainerEngine engine)
            : base(config, engine)
        {
            _bytes = config.Spec.Data ?? Array.Empty<byte>();
            Data = Encoding.UTF8.GetString(_bytes);
        }

        /// <summary>The content read as UTF-8 text (bytes that are not UTF-8 read as U+FFFD: use <see cref="GetBytes"/> for binary content).</summary>
        public string Data { get; }

        /// <summary>The content's size in bytes.</summary>
        public int Size => _bytes.Length;

        /// <summary>A copy of the content, byte for byte.</summary>
        public byte[] GetBytes() => (byte[])_bytes.Clone();

        public static ContainerSwarmConfig FromConfig(SwarmConfig config, ContainerEngine engine) => new ContainerSwarmConfig(config, engine);
    }
}

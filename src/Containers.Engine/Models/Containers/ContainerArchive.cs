using System;
using System.IO;
using Containers.Engine.Http;

namespace Containers.Engine.Models
{
    /// <summary>A path of a container as a tar stream, with the engine's stat of that path. Dispose it.</summary>
    public sealed class ContainerArchive : IDisposable
    {
        private readonly EngineResponse _response;

        internal ContainerArchive(ContainerPathStat stat, EngineResponse response)
        {
            Stat = stat;
            _response = response;
        }

        public ContainerPathStat Stat { get; }

        /// <summary>The tar stream, read as it arrives.</summary>
        public Stream Content => _response.Content;

        public void Dispose() => _response.Dispose();
    }
}

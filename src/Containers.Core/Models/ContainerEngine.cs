using Containers.Engine;

namespace Containers.Models
{
    /// <summary>
    /// An engine the module talks to, as every object it returns carries it: where it is and how it was chosen. Small and
    /// immutable, so objects held never change after the fact and serialize without the connection behind them (Export-Clixml
    /// writes it as its name; see Containers.types.ps1xml). Pass it to -Engine, or pipe objects that carry it. What the
    /// engine is (docker version, docker info) is a <see cref="ContainerEngineInfo"/>, a snapshot Get-ContainerEngine returns.
    /// </summary>
    public sealed class ContainerEngine
    {
        internal ContainerEngine(EngineClient client, string name, string source)
        {
            Client = client;
            Name = name;
            Source = source;
        }

        /// <summary>The docker context or host name it was chosen by, else its address.</summary>
        public string Name { get; }

        public string Uri => Client.Endpoint.ToString();

        /// <summary>Where the choice came from: parameter, DOCKER_HOST, DOCKER_CONTEXT, the current context, or the default.</summary>
        public string Source { get; }

        public bool UsesTls => Client.Tls != null;

        /// <summary>
        /// How long a command waits for the engine to answer (Connect-ContainerEngine -ResponseTimeout; 30 seconds by
        /// default). Internal, like <see cref="Client"/>: the handle users hold stays its four public members.
        /// </summary>
        internal TimeSpan ResponseTimeout => Client.ResponseTimeout;

        /// <summary>
        /// The client behind this engine, shared by every object from the same engine. Internal, so that PowerShell's
        /// serializers (ConvertTo-Json, Export-Clixml), which read public members, never reach its endpoints and certificates.
        /// </summary>
        internal EngineClient Client { get; }

        public override string ToString() => Name;
    }
}

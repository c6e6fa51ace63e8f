using Containers.Engine.Models;
using Containers.Models;

namespace Containers.Commands.Secrets
{
    /// <summary>The two kinds of swarm data: secrets and configs.</summary>
    public static class SwarmDataKinds
    {
        public static readonly SwarmDataKind<SwarmSecret> Secret = new SwarmDataKind<SwarmSecret>(
            "secret", "Secret", engine => engine.Client.Secrets, ContainerSecret.FromSecret);

        public static readonly SwarmDataKind<SwarmConfig> Config = new SwarmDataKind<SwarmConfig>(
            "config", "Config", engine => engine.Client.Configs, ContainerSwarmConfig.FromConfig);
    }
}

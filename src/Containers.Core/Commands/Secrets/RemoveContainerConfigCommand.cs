using Containers.Engine.Models;

namespace Containers.Commands.Secrets
{
    /// <summary>Remove-ContainerConfig: docker config rm.</summary>
    public sealed class RemoveContainerConfigCommand : RemoveSwarmDataCommand<SwarmConfig>
    {
        public RemoveContainerConfigCommand()
            : base(SwarmDataKinds.Config)
        {
        }
    }
}

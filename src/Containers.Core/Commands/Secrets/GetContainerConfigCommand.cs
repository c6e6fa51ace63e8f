using Containers.Engine.Models;

namespace Containers.Commands.Secrets
{
    /// <summary>Get-ContainerConfig: docker config ls, as <see cref="Models.ContainerSwarmConfig"/> objects with their content.</summary>
    public sealed class GetContainerConfigCommand : GetSwarmDataCommand<SwarmConfig>
    {
        public GetContainerConfigCommand()
            : base(SwarmDataKinds.Config)
        {
        }
    }
}

using Containers.Engine.Models;

namespace Containers.Commands.Secrets
{
    /// <summary>Remove-ContainerSecret: docker secret rm.</summary>
    public sealed class RemoveContainerSecretCommand : RemoveSwarmDataCommand<SwarmSecret>
    {
        public RemoveContainerSecretCommand()
            : base(SwarmDataKinds.Secret)
        {
        }
    }
}

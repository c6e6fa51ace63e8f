using Containers.Engine.Models;

namespace Containers.Commands.Secrets
{
    /// <summary>Get-ContainerSecret: docker secret ls, as <see cref="Models.ContainerSecret"/> objects (never a value: the engine keeps it).</summary>
    public sealed class GetContainerSecretCommand : GetSwarmDataCommand<SwarmSecret>
    {
        public GetContainerSecretCommand()
            : base(SwarmDataKinds.Secret)
        {
        }
    }
}

using System.Text;
using Containers.Engine.Models;

namespace Containers.Commands.Secrets
{
    /// <summary>New-ContainerConfig: docker config create, from text (sent as UTF-8) or the bytes of a file.</summary>
    public sealed class NewContainerConfigCommand : NewSwarmDataCommand<SwarmConfig>
    {
        public NewContainerConfigCommand()
            : base(SwarmDataKinds.Config)
        {
        }

        public string? Value { get; set; }

        protected override bool HasValue => Value != null;

        protected override byte[] ValueBytes() => Encoding.UTF8.GetBytes(Value!);
    }
}

using System.Security;
using Containers.Credentials;
using Containers.Engine.Models;

namespace Containers.Commands.Secrets
{
    /// <summary>
    /// New-ContainerSecret: docker secret create, from a SecureString (sent as its UTF-8 bytes) or a file. The value leaves
    /// its SecureString only for the moment it is sent (<see cref="SecureStringBytes"/>), and is in no output, message or log.
    /// </summary>
    public sealed class NewContainerSecretCommand : NewSwarmDataCommand<SwarmSecret>
    {
        public NewContainerSecretCommand()
            : base(SwarmDataKinds.Secret)
        {
        }

        public SecureString? Value { get; set; }

        /// <summary>A secret store plugin to hold the value; null for the swarm's own store.</summary>
        public string? Driver { get; set; }

        protected override bool HasValue => Value != null;

        protected override byte[] ValueBytes() => SecureStringBytes.ToUtf8(Value!);

        private protected override void Complete(SwarmDataSpec spec)
        {
            if (!string.IsNullOrEmpty(Driver))
            {
                spec.Driver = new SwarmDriver { Name = Driver! };
            }
        }
    }
}

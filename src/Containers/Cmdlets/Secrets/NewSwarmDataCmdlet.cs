using System.Collections;
using System.Management.Automation;
using Containers.Commands.Secrets;
using Containers.Engine.Models;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Secrets
{
    /// <summary>
    /// The parameters New-ContainerSecret and New-ContainerConfig share: a name, labels, and the content from a file
    /// (-Path); each declares its own -Value (a SecureString for a secret, text for a config).
    /// </summary>
    public abstract class NewSwarmDataCmdlet<T> : ContainersCmdlet
        where T : SwarmData
    {
        protected const string ByValue = "Value";
        protected const string ByPath = "Path";

        /// <summary>The name services know it by (at most 64 letters, digits, '-', '_' and '.').</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>A file whose bytes are the content (binary allowed, under 500 KB).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByPath, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>Labels: @{ key = 'value' }.</summary>
        [Parameter]
        public Hashtable? Label { get; set; }

        /// <summary>The command of the kind, with what only it takes (its -Value) set.</summary>
        private protected abstract NewSwarmDataCommand<T> NewCommand();

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            NewSwarmDataCommand<T> command = NewCommand();
            command.Name = Name;
            command.Path = ParameterSetName == ByPath ? GetUnresolvedProviderPathFromPSPath(Path) : null;
            command.Label = Label;
            return command.ExecuteAsync(SelectEngine(), output, cancellationToken);
        }
    }
}

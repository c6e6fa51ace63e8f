using System.Collections;
using System.Management.Automation;
using Containers.Commands.Services;
using Containers.Commands.Stacks;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.PowerShell.Cmdlets.Services;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Stacks
{
    /// <summary>
    /// Publish-ContainerStack (alias Deploy-ContainerStack): docker stack deploy -c FILE NAME. Creates the stack from compose files, or updates it:
    /// only services whose spec changed are updated; -Prune removes services the files no longer have. Returns the stack.
    /// </summary>
    // Deploy-ContainerStack, the name docker users look for, is an alias: "Deploy" became an approved verb only in
    // PowerShell 6, and a cmdlet named with it would make Windows PowerShell 5.1 warn on every import of the module.
    [Cmdlet(VerbsData.Publish, "ContainerStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [Alias("Deploy-ContainerStack")]
    [OutputType(typeof(ContainerStack))]
    public sealed class PublishContainerStackCmdlet : ServiceImageCmdlet
    {
        public PublishContainerStackCmdlet()
            : base(ServiceImageResolution.Always)
        {
        }

        /// <summary>The compose files, merged in order; by default compose.yaml (or compose.yml, docker-compose.yaml, docker-compose.yml) in the current location.</summary>
        [Parameter(Position = 1)]
        [Alias("ComposeFile")]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        /// <summary>The stack's name: its services are STACK_service, its default network STACK_default.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("StackName")]
        [ArgumentCompleter(typeof(StackNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>Remove the stack's services that the files no longer have.</summary>
        [Parameter]
        public SwitchParameter Prune { get; set; }

        /// <summary>Variables for the files' interpolation (${VAR}), on top of the process environment: @{ TAG = '1.5' }.</summary>
        [Parameter]
        public Hashtable? Environment { get; set; }

        /// <summary>Profiles to enable: services with profiles: are deployed only when one of theirs is given (else COMPOSE_PROFILES says).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Profile { get; set; }




        /// <summary>Return once the swarm has the services, without waiting for their tasks to run.</summary>
        [Parameter]
        public SwitchParameter NoWait { get; set; }

        /// <summary>Seconds to wait for each changed service's tasks to run before giving up with an error; the stack stays.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Timeout { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new PublishContainerStackCommand
            {
                Path = (Path ?? new string[0]).Select(GetUnresolvedProviderPathFromPSPath).ToList(),
                Name = Name,
                Environment = Environment == null ? null : KeyValueTable.Read(Environment, "Environment", "variable").ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal),
                Profile = Profile,
                WorkingDirectory = SessionState.Path.CurrentFileSystemLocation.ProviderPath,
                Prune = Prune,
                Image = ImageOptions(),
                NoWait = NoWait,
                Timeout = Timeout == null ? null : TimeSpan.FromSeconds(Timeout.Value),
            }.ExecuteAsync(SelectEngine(), output, cancellationToken);
    }
}

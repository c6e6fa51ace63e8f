using System.Collections;
using System.Management.Automation;
using Containers.Commands.Services;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.PowerShell.Completers;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Services
{
    /// <summary>
    /// New-ContainerService: docker service create. New-Container's parameters that apply to a task, plus the swarm's
    /// own (replicas or global mode, placement, resources, restart policy, image resolution, registry login); waits for
    /// the tasks to run, with progress, unless -NoWait.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ContainerService", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ContainerService))]
    public sealed class NewContainerServiceCmdlet : ContainersCmdlet
    {
        /// <summary>The image the tasks run (repository:tag).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public string Image { get; set; } = string.Empty;

        /// <summary>The command and its arguments, replacing the image's CMD.</summary>
        [Parameter(Position = 1)]
        public string[]? Command { get; set; }

        /// <summary>The service's name; the swarm makes one up when absent.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Replaces the image's ENTRYPOINT.</summary>
        [Parameter]
        public string[]? Entrypoint { get; set; }

        /// <summary>Environment variables: @{ NAME = 'value' }.</summary>
        [Parameter]
        [Alias("Env")]
        public Hashtable? Environment { get; set; }

        /// <summary>Published ports: '8080:80', '80/udp', or the long form 'mode=host,target=80,published=8080,protocol=tcp'.</summary>
        [Parameter]
        [Alias("Publish")]
        public string[]? Port { get; set; }

        /// <summary>How short-form ports are published: Ingress (every node, the routing mesh; the default) or Host (the task's node).</summary>
        [Parameter]
        [ValidateSet("Ingress", "Host")]
        public string? PublishMode { get; set; }

        /// <summary>Volumes and bind mounts, as docker -v writes them: 'data:/var/lib/data', '/srv/conf:/conf:ro'.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(VolumeNameCompleter))]
        public string[]? Volume { get; set; }

        /// <summary>Mounts, as docker --mount writes them ('type=tmpfs,target=/cache') or as hashtables with the same keys.</summary>
        [Parameter]
        public object[]? Mount { get; set; }

        /// <summary>The service's labels: @{ key = 'value' }.</summary>
        [Parameter]
        public Hashtable? Label { get; set; }

        /// <summary>Networks to attach the tasks to: names or ids (overlay networks), or network objects.</summary>
        [Parameter]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        public object[]? Network { get; set; }

        /// <summary>The user to run as: a name or UID[:GID].</summary>
        [Parameter]
        public string? User { get; set; }

        /// <summary>The working directory inside the task's container.</summary>
        [Parameter]
        public string? WorkingDirectory { get; set; }

        /// <summary>Give each task's container a terminal.</summary>
        [Parameter]
        public SwitchParameter Tty { get; set; }

        /// <summary>The number of tasks of a replicated service (1 when absent).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? Replicas { get; set; }

        /// <summary>Replicated (a number of tasks, the default) or Global (one task on every node).</summary>
        [Parameter]
        public ContainerServiceMode Mode { get; set; } = ContainerServiceMode.Replicated;

        /// <summary>Placement constraints: 'node.role==manager', 'node.labels.zone!=a'.</summary>
        [Parameter]
        public string[]? Constraint { get; set; }

        /// <summary>At most this much for each task: @{ Cpu = 0.5; Memory = '256m' }.</summary>
        [Parameter]
        public Hashtable? Limit { get; set; }

        /// <summary>What a node must have free to take a task: @{ Cpu = 0.25; Memory = '128m' }.</summary>
        [Parameter]
        public Hashtable? Reserve { get; set; }

        /// <summary>When the swarm restarts a task's container: Any (the default), OnFailure or None.</summary>
        [Parameter]
        [ValidateSet("None", "OnFailure", "Any")]
        public string? RestartCondition { get; set; }

        /// <summary>How many times a task is restarted before the swarm gives up on it (0: no limit).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? RestartMaxAttempts { get; set; }

        /// <summary>
        /// Whether the image is pinned to the digest its registry serves, so every node runs the same: Always (the
        /// default, as docker), Changed (the same for a new service), or Never (the image as given, as each node has it).
        /// </summary>
        [Parameter]
        public ServiceImageResolution ResolveImage { get; set; } = ServiceImageResolution.Always;

        /// <summary>A registry login to send with the service so the nodes can pull a private image.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>Send the stored login (Connect-ContainerRegistry, docker login) for the image's registry with the service (docker's --with-registry-auth).</summary>
        [Parameter]
        public SwitchParameter WithRegistryAuth { get; set; }

        /// <summary>Return once the swarm has the service, without waiting for its tasks to run.</summary>
        [Parameter]
        public SwitchParameter NoWait { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            NewContainerServiceCommand command = NewContainerServiceCommand.FromOptions(new ServiceOptions
            {
                Image = Image,
                Name = Name,
                Command = Command,
                Entrypoint = Entrypoint,
                Environment = Environment,
                Port = Port,
                PublishMode = PublishMode,
                Volume = Volume,
                Mount = Mount,
                Label = Label,
                Network = Network,
                User = User,
                WorkingDirectory = WorkingDirectory,
                Tty = Tty,
                Replicas = (ulong?)Replicas,
                Mode = Mode,
                Constraint = Constraint,
                Limit = Limit,
                Reserve = Reserve,
                RestartCondition = RestartCondition,
                RestartMaxAttempts = (ulong?)RestartMaxAttempts,
                ResolveHostPath = GetUnresolvedProviderPathFromPSPath,
            });
            command.NoWait = NoWait;
            command.Image = new ServiceImage { Resolution = ResolveImage, Credential = RegistryLogins.From(Credential), WithRegistryAuth = WithRegistryAuth, Store = RegistryLogins.Store };
            return command.ExecuteAsync(SelectEngine(), output, cancellationToken);
        }
    }
}

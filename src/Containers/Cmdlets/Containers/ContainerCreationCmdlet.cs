using System.Collections;
using System.Management.Automation;
using Containers.Commands.Containers;
using Containers.Commands.Images;
using Containers.Parsing;
using Containers.PowerShell.Completers;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Containers
{
    /// <summary>
    /// The parameters New-Container and Invoke-ContainerImage share: docker create's options under PowerShell names,
    /// plus -Configuration, a raw escape hatch merged over what the other parameters build.
    /// </summary>
    public abstract class ContainerCreationCmdlet : ContainersCmdlet
    {
        /// <summary>The image to create the container from (repository:tag, or an id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public string Image { get; set; } = string.Empty;

        /// <summary>The command and its arguments, replacing the image's CMD.</summary>
        [Parameter(Position = 1, ValueFromRemainingArguments = false)]
        public string[]? Command { get; set; }

        /// <summary>The container's name; the engine makes one up when absent.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Replaces the image's ENTRYPOINT; an empty array clears it.</summary>
        [Parameter]
        [AllowEmptyCollection]
        public string[]? Entrypoint { get; set; }

        /// <summary>Environment variables: @{ NAME = 'value' }.</summary>
        [Parameter]
        [Alias("Env")]
        public Hashtable? Environment { get; set; }

        /// <summary>Published ports, as docker -p writes them: '8080:80', '127.0.0.1:8080:80/udp', '80'.</summary>
        [Parameter]
        [Alias("Publish")]
        public string[]? Port { get; set; }

        /// <summary>Volumes and bind mounts, as docker -v writes them: 'data:/var/lib/data', 'C:\src:/src:ro'.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(VolumeNameCompleter))]
        public string[]? Volume { get; set; }

        /// <summary>Mounts, as docker --mount writes them ('type=tmpfs,target=/cache') or as hashtables with the same keys.</summary>
        [Parameter]
        public object[]? Mount { get; set; }

        /// <summary>Labels: @{ key = 'value' }.</summary>
        [Parameter]
        public Hashtable? Label { get; set; }

        /// <summary>no, always, unless-stopped, on-failure or on-failure:N.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(RestartPolicyCompleter))]
        public string? RestartPolicy { get; set; }

        /// <summary>A memory limit: bytes (512MB works as PowerShell writes it) or docker's form ('512m', '1g').</summary>
        [Parameter]
        public object? Memory { get; set; }

        /// <summary>How many CPUs the container may use, for example 1.5.</summary>
        [Parameter]
        public object? Cpu { get; set; }

        /// <summary>The network to attach to: a name or id (host, none, bridge too), or a network object from Get-ContainerNetwork.</summary>
        [Parameter]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        public object? Network { get; set; }

        /// <summary>The user to run as: a name or UID[:GID].</summary>
        [Parameter]
        public string? User { get; set; }

        /// <summary>The working directory inside the container.</summary>
        [Parameter]
        public string? WorkingDirectory { get; set; }

        /// <summary>The container's host name.</summary>
        [Parameter]
        public string? HostName { get; set; }

        /// <summary>Give the container a terminal.</summary>
        [Parameter]
        public SwitchParameter Tty { get; set; }

        /// <summary>Keep standard input open.</summary>
        [Parameter]
        public SwitchParameter Interactive { get; set; }

        /// <summary>Run with extended privileges.</summary>
        [Parameter]
        public SwitchParameter Privileged { get; set; }

        /// <summary>Mount the root filesystem read-only.</summary>
        [Parameter]
        public SwitchParameter ReadOnly { get; set; }

        /// <summary>
        /// When to pull the image, with the stored registry login and a progress bar per layer: Missing (the default, as
        /// docker create), Always, or Never (a missing image is then ImageNotFound).
        /// </summary>
        [Parameter]
        public ImagePullPolicy Pull { get; set; } = ImagePullPolicy.Missing;

        /// <summary>
        /// Raw engine settings (a hashtable or JSON) merged over what the other parameters set, for anything they do not
        /// cover: @{ HostConfig = @{ CapAdd = @('NET_ADMIN') } }.
        /// </summary>
        [Parameter]
        public object? Configuration { get; set; }

        /// <summary>The create step, with every parameter checked before anything reaches the engine.</summary>
        protected NewContainerCommand CreateCommand()
        {
            NewContainerCommand command = NewContainerCommand.FromOptions(
                new ContainerOptions
                {
                    Image = Image,
                    Command = Command,
                    Entrypoint = Entrypoint,
                    Environment = Environment,
                    Port = Port,
                    Volume = Volume,
                    Mount = Mount,
                    Label = Label,
                    RestartPolicy = RestartPolicy,
                    Memory = Memory,
                    Cpu = Cpu,
                    Network = Network,
                    User = User,
                    WorkingDirectory = WorkingDirectory,
                    HostName = HostName,
                    Tty = Tty,
                    Interactive = Interactive,
                    Privileged = Privileged,
                    ReadOnly = ReadOnly,
                    ResolveHostPath = GetUnresolvedProviderPathFromPSPath,
                },
                Name,
                Configuration);
            command.Pull = Pull;
            command.Puller = new ImagePuller(RegistryLogins.Store);
            return command;
        }
    }
}

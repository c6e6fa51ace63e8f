using System.Collections;
using System.Management.Automation;
using Containers.Commands.Services;
using Containers.Parsing;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Services
{
    /// <summary>
    /// The parameters New- and Set-ContainerService share: what a service's tasks run (New-Container's parameters that
    /// apply to a task, and the swarm's placement, resources and restart policy), how many, and the wait for them. Given
    /// to Set, each replaces that part of the service whole and an empty value clears it; not given, it stays.
    /// </summary>
    public abstract class ServiceTaskCmdlet : ServiceImageCmdlet
    {
        protected ServiceTaskCmdlet(ServiceImageResolution defaultResolution)
            : base(defaultResolution)
        {
        }

        /// <summary>The command and its arguments, replacing the image's CMD.</summary>
        [Parameter(Position = 1)]
        public string[]? Command { get; set; }

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

        /// <summary>Secrets the tasks get as files under /run/secrets: 'NAME', or 'source=NAME,target=FILE,uid=0,gid=0,mode=0400'.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(SecretNameCompleter))]
        public string[]? Secret { get; set; }

        /// <summary>Configs the tasks get as files: 'NAME' (at /NAME), or 'source=NAME,target=/PATH,mode=0444'.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ConfigNameCompleter))]
        public string[]? Config { get; set; }

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

        /// <summary>The number of tasks of a replicated service.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? Replicas { get; set; }

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

        /// <summary>Return once the swarm has the service, without waiting for its tasks to run.</summary>
        [Parameter]
        public SwitchParameter NoWait { get; set; }

        /// <summary>Seconds to wait for the tasks to run before giving up with an error; the service stays.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Timeout { get; set; }

        /// <summary>-Timeout as the core takes it.</summary>
        protected TimeSpan? WaitTimeout => Timeout == null ? null : TimeSpan.FromSeconds(Timeout.Value);

        /// <summary>Fills <paramref name="options"/> with the task parameters given; those not given stay null.</summary>
        protected T TaskOptions<T>(T options)
            where T : ServiceTaskOptions
        {
            options.Command = Command;
            options.Entrypoint = Entrypoint;
            options.Environment = Environment;
            options.Port = Port;
            options.PublishMode = PublishMode;
            options.Volume = Volume;
            options.Mount = Mount;
            options.Label = Label;
            options.Secret = Secret;
            options.Config = Config;
            options.Network = Network;
            options.User = User;
            options.WorkingDirectory = WorkingDirectory;
            // -Tty:$false given to Set turns the terminal off; not given, it stays as it is.
            options.Tty = MyInvocation.BoundParameters.ContainsKey(nameof(Tty)) ? Tty.IsPresent : (bool?)null;
            options.Constraint = Constraint;
            options.Limit = Limit;
            options.Reserve = Reserve;
            options.RestartCondition = RestartCondition;
            options.RestartMaxAttempts = (ulong?)RestartMaxAttempts;
            options.ResolveHostPath = GetUnresolvedProviderPathFromPSPath;
            return options;
        }
    }
}

using System.Collections;
using System.Management.Automation;
using Containers.Commands.Interactive;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Containers
{
    /// <summary>
    /// Enter-Container: an interactive shell in a running container (docker exec -it), or the console joined to its main
    /// process (docker attach), in a console host only. Elsewhere (jobs, remoting, Azure Automation, redirected or
    /// -NonInteractive consoles) it refuses at once instead of waiting for keys nobody can type.
    /// </summary>
    [Cmdlet(VerbsCommon.Enter, "Container", DefaultParameterSetName = ByName)]
    [OutputType(typeof(ContainerSessionResult))]
    public sealed class EnterContainerCmdlet : ContainersCmdlet
    {
        /// <summary>An interactive session is with one container on one engine.</summary>
        protected override bool ActsOnManyEngines => false;

        private const string ByName = "Name";
        private const string ByObject = "Container";

        /// <summary>The name or id of one running container.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByName, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "ContainerId", "ContainerName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        public string Name { get; set; } = string.Empty;

        /// <summary>A container object, as Get-Container returns it.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByObject, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Container Container { get; set; } = null!;

        /// <summary>The program and its arguments; by default bash where the image has it, else sh (cmd.exe in Windows containers).</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[]? Command { get; set; }

        /// <summary>Run as this user (name or UID[:GID]).</summary>
        [Parameter]
        public string? User { get; set; }

        /// <summary>Run in this directory inside the container.</summary>
        [Parameter]
        public string? WorkingDirectory { get; set; }

        /// <summary>Extra environment variables.</summary>
        [Parameter]
        public Hashtable? Environment { get; set; }

        /// <summary>Give the process extended privileges.</summary>
        [Parameter]
        public SwitchParameter Privileged { get; set; }

        /// <summary>Join the container's main process (docker attach) instead of starting a new one.</summary>
        [Parameter]
        public SwitchParameter Attach { get; set; }

        /// <summary>The keys that leave the session and keep the process running; docker's notation, default ctrl-p,ctrl-q.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DetachKeys { get; set; }

        /// <summary>Return how the session ended (exit code, detached or not).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            bool byObject = ParameterSetName == ByObject;
            ContainerEngine engine = SingleGivenEngine() ?? (byObject ? Container.Engine : null) ?? SelectEngine();
            string target = byObject ? Container.Id : Name;
            return new EnterContainerCommand
            {
                Command = Command,
                User = User,
                WorkingDirectory = WorkingDirectory,
                Environment = EnvironmentConverter.ToEntries(Environment),
                Privileged = Privileged,
                Attach = Attach,
                DetachKeys = DetachKeys,
                PassThru = PassThru,
            }.ExecuteAsync(engine, target, DescribeHost(), new ConsoleTerminal(), output, cancellationToken);
        }

        // Everything the refusal is decided on, read without touching the console's state.
        private InteractiveHost DescribeHost()
        {
            var host = new InteractiveHost
            {
                HostName = Host?.Name ?? string.Empty,
                UserInteractive = System.Environment.UserInteractive,
                NonInteractive = NonInteractiveSwitch.IsPresent(System.Environment.GetCommandLineArgs()),
            };
            try
            {
                host.HasRawUserInterface = Host?.UI?.RawUI != null;
                host.IsInputRedirected = Console.IsInputRedirected;
                host.IsOutputRedirected = Console.IsOutputRedirected;
            }
            catch (Exception e) when (e is NotImplementedException || e is NotSupportedException || e is InvalidOperationException || e is System.IO.IOException)
            {
                // A host that cannot even say is no console to run a session in.
                host.HasRawUserInterface = false;
            }

            return host;
        }
    }
}

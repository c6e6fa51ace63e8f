using System.Collections;
using System.Management.Automation;
using Containers.Commands.Images;
using Containers.Commands.Projects;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.PowerShell.Completers;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Projects
{
    /// <summary>
    /// Start-ContainerProject: docker compose up -d. Networks, volumes, images, then containers in depends_on order;
    /// only services whose configuration changed are recreated. Returns the project.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "ContainerProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ContainerProject))]
    public sealed class StartContainerProjectCmdlet : ContainersCmdlet
    {
        /// <summary>The compose files, merged in order; by default compose.yaml (or compose.yml, docker-compose.yaml, docker-compose.yml) in the current location.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        /// <summary>The project name (docker compose -p); by default the files' name:, else their folder's name.</summary>
        [Parameter]
        [Alias("ProjectName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProjectNameCompleter))]
        public string? Name { get; set; }

        /// <summary>Only these services, and the services they depend on.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Service { get; set; }

        /// <summary>When to pull the services' images, over each service's pull_policy: Missing (the default when neither says), Always, or Never (a missing image is then an error and nothing is created).</summary>
        [Parameter]
        public ImagePullPolicy Pull { get; set; } = ImagePullPolicy.Missing;

        /// <summary>Seconds to wait for each dependency depends_on waits for (service_healthy, service_completed_successfully); by default as long as it takes.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? Timeout { get; set; }

        /// <summary>Build the images of services with a build: section even when they exist (docker compose up --build); without it only missing ones are built.</summary>
        [Parameter]
        public SwitchParameter Build { get; set; }

        /// <summary>Variables for the files' interpolation (${VAR}), on top of the process environment: @{ TAG = '1.5' }.</summary>
        [Parameter]
        public Hashtable? Environment { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new StartContainerProjectCommand
            {
                Path = (Path ?? new string[0]).Select(GetUnresolvedProviderPathFromPSPath).ToList(),
                Name = Name,
                Service = Service,
                Environment = Environment == null ? null : KeyValueTable.Read(Environment, "Environment", "variable").ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal),
                WorkingDirectory = SessionState.Path.CurrentFileSystemLocation.ProviderPath,
                Pull = MyInvocation.BoundParameters.ContainsKey(nameof(Pull)) ? Pull : null,
                Timeout = Timeout,
                Puller = new ImagePuller(RegistryLogins.Store),
                Build = Build,
                BuildStore = RegistryLogins.Store,
            }.ExecuteAsync(SelectEngine(), output, cancellationToken);
    }
}

using System.Collections;
using System.Management.Automation;
using Containers.Commands.Images;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;
using Containers.PowerShell.Hosting;

namespace Containers.PowerShell.Cmdlets.Images
{
    /// <summary>
    /// Invoke-ImageBuild: docker build (the classic builder). Build output goes to the Information stream tagged 'Build';
    /// returns the built image.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "ImageBuild", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ContainerImage))]
    public sealed class InvokeImageBuildCmdlet : ContainersCmdlet
    {
        /// <summary>The build context folder; the current folder when not given.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>The Dockerfile, inside the context or not; Dockerfile in the context when not given.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Dockerfile { get; set; }

        /// <summary>Names for the image: repository[:tag].</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        /// <summary>Values for the Dockerfile's ARG instructions.</summary>
        [Parameter]
        public Hashtable? BuildArg { get; set; }

        /// <summary>Labels for the image.</summary>
        [Parameter]
        public Hashtable? Label { get; set; }

        /// <summary>The stage of a multi-stage Dockerfile to build.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Target { get; set; }

        /// <summary>Run every step afresh instead of reusing cached layers.</summary>
        [Parameter]
        public SwitchParameter NoCache { get; set; }

        /// <summary>Pull newer versions of the base images.</summary>
        [Parameter]
        public SwitchParameter Pull { get; set; }

        /// <summary>os[/arch[/variant]] to build for.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PlatformCompleter))]
        public string? Platform { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken) =>
            new BuildImageCommand(RegistryLogins.Store)
            {
                // Resolved here, against PowerShell's current location (the process's current folder may differ).
                Path = GetUnresolvedProviderPathFromPSPath(Path ?? SessionState.Path.CurrentFileSystemLocation.ProviderPath),
                Dockerfile = Dockerfile == null ? null : GetUnresolvedProviderPathFromPSPath(Dockerfile),
                Tag = Tag,
                BuildArg = BuildArg,
                Label = Label,
                Target = Target,
                NoCache = NoCache,
                Pull = Pull,
                Platform = Platform,
            }.ExecuteAsync(SelectEngine(), output, cancellationToken);
    }
}

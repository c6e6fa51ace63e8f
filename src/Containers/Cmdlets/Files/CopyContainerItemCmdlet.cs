using System.Management.Automation;
using Containers.Commands.Files;
using Containers.Models;
using Containers.Output;
using Containers.PowerShell.Completers;

namespace Containers.PowerShell.Cmdlets.Files
{
    /// <summary>
    /// Copy-ContainerItem: docker cp, in either direction, shaped like Copy-Item -FromSession / -ToSession: -FromContainer
    /// copies out of a container to this machine, -ToContainer copies from this machine into a container.
    /// </summary>
    [Cmdlet(VerbsCommon.Copy, "ContainerItem", SupportsShouldProcess = true, DefaultParameterSetName = FromSet)]
    [OutputType(typeof(FileInfo), typeof(DirectoryInfo), ParameterSetName = new[] { FromSet })]
    [OutputType(typeof(ContainerItem), ParameterSetName = new[] { ToSet })]
    public sealed class CopyContainerItemCmdlet : ContainersCmdlet
    {
        /// <summary>Copies go between this machine and one engine: from several, files of the same name would overwrite each other.</summary>
        protected override bool ActsOnManyEngines => false;

        private const string FromSet = "FromContainer";
        private const string ToSet = "ToContainer";

        /// <summary>
        /// What to copy: paths inside the container with -FromContainer, paths on this machine with -ToContainer. A path
        /// ending in /. copies a directory's contents rather than the directory.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = new string[0];

        /// <summary>
        /// Where the copy goes: on this machine with -FromContainer, inside the container with -ToContainer. An existing
        /// directory receives the copy under its own name; a path that does not exist yet (in an existing directory) is
        /// the name the copy takes.
        /// </summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = string.Empty;

        /// <summary>The container to copy from (name or id).</summary>
        [Parameter(Mandatory = true, ParameterSetName = FromSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "ContainerId", "ContainerName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        public string FromContainer { get; set; } = string.Empty;

        /// <summary>The container to copy into (name or id).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ToSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        public string ToContainer { get; set; } = string.Empty;

        /// <summary>Replace files that already exist at the destination.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>When a source path is a symbolic link, copy what it points at instead of the link (docker cp -L).</summary>
        [Parameter]
        public SwitchParameter FollowLink { get; set; }

        /// <summary>Return what was copied.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            if (ParameterSetName == ToSet)
            {
                return new CopyToContainerCommand(Destination) { Force = Force, FollowLink = FollowLink, PassThru = PassThru }
                    .ExecuteAsync(SelectEngine(), ToContainer, Path.Select(HostPath).ToList(), output, cancellationToken);
            }

            return new CopyFromContainerCommand(HostPath(Destination)) { Force = Force, FollowLink = FollowLink, PassThru = PassThru }
                .ExecuteAsync(SelectEngine(), FromContainer, Path, output, cancellationToken);
        }

        // A trailing separator (a directory) or /. (a directory's contents) means something to the copy; resolving a
        // PowerShell path drops it, so it is put back.
        private string HostPath(string path)
        {
            string resolved = GetUnresolvedProviderPathFromPSPath(path);
            string separator = System.IO.Path.DirectorySeparatorChar.ToString();
            if (path.EndsWith("/.", StringComparison.Ordinal) || path.EndsWith("\\.", StringComparison.Ordinal))
            {
                return resolved.EndsWith(separator + ".", StringComparison.Ordinal) ? resolved : resolved.TrimEnd('/', '\\') + separator + ".";
            }

            char last = path[path.Length - 1];
            return (last == '/' || last == '\\') && !resolved.EndsWith(separator, StringComparison.Ordinal) ? resolved + separator : resolved;
        }
    }
}

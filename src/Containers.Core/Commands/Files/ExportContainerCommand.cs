using Containers.Commands.Containers;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Files;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Files
{
    /// <summary>
    /// Export-Container: docker export of one container's filesystem into a tar file (<see cref="TarFileExportCommand"/>).
    /// One container goes into one file: the first target exported, piped or matched by a wildcard, is the only one.
    /// </summary>
    public sealed class ExportContainerCommand : TarFileExportCommand
    {
        private readonly List<string> _exported = new List<string>();

        /// <param name="path">The tar file to write, as a full file-system path.</param>
        public ExportContainerCommand(string path)
            : base(path)
        {
        }

        /// <param name="targets">Names, ids or wildcards; called again for each record piped in, and only the first container is exported.</param>
        public Task ExecuteAsync(ContainerEngine engine, IEnumerable<string> targets, ICommandOutput output, CancellationToken cancellationToken) =>
            ContainerTargets.Kind.ForEachAsync(engine, targets, output, async target =>
            {
                // One container per file: a second one (piped, or matched by a wildcard) would replace the first.
                if (_exported.Count > 0)
                {
                    output.WriteError(new CommandError("OneContainerPerFile", ErrorKind.InvalidArgument,
                        $"Container '{target}' was not exported: '{Path}' already holds the export of '{_exported[0]}'. Export each container to its own file.",
                        target));
                    return;
                }

                _exported.Add(target);
                await ExecuteAsync(engine, target, output, cancellationToken);
            }, cancellationToken);

        /// <param name="target">The container's name or id (no wildcards: one container goes into one file).</param>
        public async Task ExecuteAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            if (!CheckDestination(output))
            {
                return;
            }

            // Looked up first, so a missing container is ObjectNotFound and no file is begun.
            string name;
            try
            {
                ContainerInspect inspect = await engine.Client.Containers.InspectAsync(target, cancellationToken: cancellationToken);
                name = (string.IsNullOrEmpty(inspect.Name) ? inspect.Id : inspect.Name!).TrimStart('/');
            }
            catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
            {
                output.WriteError(ErrorClassifier.Classify(e, target));
                return;
            }

            if (!output.ShouldProcess(Path, "Export the filesystem of " + ContainerTargets.Kind.Describe(name, engine)))
            {
                return;
            }

            string activity = $"Exporting container {name} to {System.IO.Path.GetFileName(Path)}";
            if (!await WriteAsync(token => engine.Client.Containers.ExportAsync(name, token), activity, target, ContainerTargets.Kind.Resource, output, cancellationToken))
            {
                return;
            }

            output.WriteVerbose($"Exported the filesystem of container '{name}' to {Path}.");
            if (PassThru)
            {
                output.WriteObject(new FileInfo(Path));
            }
        }
    }
}

using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Containers.Commands.Containers;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Files;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Files
{
    /// <summary>
    /// Export-Container: docker export of one container's filesystem into a tar file. The archive streams from the engine
    /// to the file (never whole in memory) under a temporary name beside it and takes the file's name only once complete,
    /// so a failure or Ctrl+C part-way leaves no partial file. An existing file is kept unless -Force.
    /// </summary>
    public sealed class ExportContainerCommand
    {
        private const int ProgressId = 1;

        /// <param name="path">The tar file to write, as a full file-system path.</param>
        public ExportContainerCommand(string path)
        {
            Path = path;
        }

        public string Path { get; }

        /// <summary>Replace the file when it exists.</summary>
        public bool Force { get; set; }

        /// <summary>Return the file written.</summary>
        public bool PassThru { get; set; }

        /// <param name="target">The container's name or id (no wildcards: one container goes into one file).</param>
        public async Task ExecuteAsync(ContainerEngine engine, string target, ICommandOutput output, CancellationToken cancellationToken)
        {
            CommandError? refusal = TarFileDestination.Check(Path, Force);
            if (refusal != null)
            {
                output.WriteError(refusal);
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

            if (!output.ShouldProcess(Path, "Export the filesystem of " + ContainerTargets.Describe(name, engine)))
            {
                return;
            }

            try
            {
                await StagedFile.WriteAsync(Path, Force, (file, token) => CopyAsync(engine, name, file, output, token), cancellationToken);
            }
            catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
            {
                output.WriteError(ErrorClassifier.Classify(e, target));
                return;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                output.WriteError(new CommandError("FileWriteFailed", ErrorKind.WriteError, $"Could not write '{Path}': {e.Message}", Path, e));
                return;
            }

            output.WriteVerbose($"Exported the filesystem of container '{name}' to {Path}.");
            if (PassThru)
            {
                output.WriteObject(new FileInfo(Path));
            }
        }

        private async Task CopyAsync(ContainerEngine engine, string name, Stream file, ICommandOutput output, CancellationToken cancellationToken)
        {
            using Stream tar = await engine.Client.Containers.ExportAsync(name, cancellationToken);
            await ProgressCopy.CopyAsync(tar, file, ProgressId, $"Exporting container {name} to {System.IO.Path.GetFileName(Path)}", output, cancellationToken);
        }
    }
}

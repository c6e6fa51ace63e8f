using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Files;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Images
{
    /// <summary>
    /// Export-ContainerImage: docker save of one or more images into one tar file. The archive streams from the engine
    /// to the file (never whole in memory) under a temporary name beside it, and takes the file's name only once complete,
    /// so a failure part-way leaves no partial file. An existing file is kept unless -Force.
    /// </summary>
    public sealed class ExportContainerImageCommand
    {
        private const int ProgressId = 1;

        /// <param name="path">The tar file to write, as a full file-system path.</param>
        public ExportContainerImageCommand(string path)
        {
            Path = path;
        }

        public string Path { get; }

        /// <summary>Replace the file when it exists.</summary>
        public bool Force { get; set; }

        /// <summary>Return the saved images.</summary>
        public bool PassThru { get; set; }

        /// <param name="targets">Names, ids or wildcards; all of them go into the one archive.</param>
        public async Task ExecuteAsync(ContainerEngine engine, IEnumerable<string> targets, ICommandOutput output, CancellationToken cancellationToken)
        {
            CommandError? refusal = TarFileDestination.Check(Path, Force);
            if (refusal != null)
            {
                output.WriteError(refusal);
                return;
            }

            // Every image is looked up first: the engine refuses the whole save for one missing name, and only by
            // looking can the error say which name that was.
            var images = new List<ContainerImage>();
            var names = new List<string>();
            bool missing = false;
            foreach (string named in targets)
            {
                foreach (string target in await ImageTargets.ExpandOrReportAsync(engine, named, output, cancellationToken))
                {
                    if (names.Contains(target))
                    {
                        continue;
                    }

                    try
                    {
                        ImageInspect inspect = await engine.Client.Images.InspectAsync(target, cancellationToken);
                        images.Add(ContainerImage.FromInspect(inspect, engine, target));
                        names.Add(target);
                    }
                    catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
                    {
                        output.WriteError(ErrorClassifier.Classify(e, target, ImageTargets.Resource));
                        missing = true;
                    }
                }
            }

            if (missing || names.Count == 0)
            {
                output.WriteWarning(missing
                    ? $"Nothing was saved to {Path}: the archive is written only when every image named exists."
                    : $"No image matched; nothing was saved to {Path}.");
                return;
            }

            // Saved as named, as docker save does: an image saved by name keeps that name in the archive, one saved by id has none.
            if (!output.ShouldProcess(Path, "Save " + string.Join(", ", names)))
            {
                return;
            }

            try
            {
                await StagedFile.WriteAsync(Path, Force, (file, token) => SaveAsync(engine, names, file, output, token), cancellationToken);
            }
            catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
            {
                output.WriteError(ErrorClassifier.Classify(e, Path, ImageTargets.Resource));
                return;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                output.WriteError(new CommandError("FileWriteFailed", ErrorKind.WriteError, $"Could not write '{Path}': {e.Message}", Path, e));
                return;
            }

            output.WriteVerbose($"Saved {string.Join(", ", names)} to {Path}.");
            if (PassThru)
            {
                foreach (ContainerImage image in images)
                {
                    output.WriteObject(image);
                }
            }
        }

        private async Task SaveAsync(ContainerEngine engine, IReadOnlyList<string> names, Stream file, ICommandOutput output, CancellationToken cancellationToken)
        {
            using Stream tar = await engine.Client.Images.SaveAsync(names, cancellationToken);
            await ProgressCopy.CopyAsync(tar, file, ProgressId, "Saving images to " + System.IO.Path.GetFileName(Path), output, cancellationToken);
        }
    }
}

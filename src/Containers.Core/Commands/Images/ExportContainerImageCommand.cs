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
    public sealed class ExportContainerImageCommand : TarFileExportCommand
    {
        /// <param name="path">The tar file to write, as a full file-system path.</param>
        public ExportContainerImageCommand(string path)
            : base(path)
        {
        }

        /// <param name="targets">Names, ids or wildcards; all of them go into the one archive.</param>
        public async Task ExecuteAsync(ContainerEngine engine, IEnumerable<string> targets, ICommandOutput output, CancellationToken cancellationToken)
        {
            if (!CheckDestination(output))
            {
                return;
            }

            // Every image is looked up first: the engine refuses the whole save for one missing name, and only by
            // looking can the error say which name that was.
            var images = new List<ContainerImage>();
            var names = new List<string>();
            bool missing = false;
            await ImageTargets.Kind.ForEachAsync(engine, targets, output, async target =>
            {
                if (names.Contains(target))
                {
                    return;
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
            }, cancellationToken);

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

            string activity = "Saving images to " + System.IO.Path.GetFileName(Path);
            if (!await WriteAsync(token => engine.Client.Images.SaveAsync(names, token), activity, Path, ImageTargets.Resource, output, cancellationToken))
            {
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
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Containers.Engine.Http;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Files;
using Containers.Models;
using Containers.Output;
using Containers.Text;

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
        private const int BufferSize = 81920;
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

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
            CommandError? refusal = CheckDestination();
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

        private CommandError? CheckDestination()
        {
            if (Directory.Exists(Path))
            {
                return Invalid($"'{Path}' is a folder; give the path of the tar file to write.");
            }

            string? folder = System.IO.Path.GetDirectoryName(Path);
            if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
            {
                return Invalid($"The folder of '{Path}' does not exist.");
            }

            if (File.Exists(Path) && !Force)
            {
                return new CommandError("FileExists", ErrorKind.ResourceExists, $"The file '{Path}' already exists.", Path, null,
                    "Use -Force to replace it, or give another -Path.");
            }

            return null;
        }

        private CommandError Invalid(string message) => ErrorClassifier.Classify(new InvalidParameterException("Path", Path, message), Path);

        private async Task SaveAsync(ContainerEngine engine, IReadOnlyList<string> names, Stream file, ICommandOutput output, CancellationToken cancellationToken)
        {
            string activity = "Saving images to " + System.IO.Path.GetFileName(Path);
            long written = 0;
            try
            {
                using EngineResponse response = await engine.Client.Images.SaveAsync(names, cancellationToken);
                var buffer = new byte[BufferSize];
                Stopwatch sinceReport = Stopwatch.StartNew();
                for (int read; (read = await response.Content.ReadAsync(buffer, 0, buffer.Length, cancellationToken)) > 0;)
                {
                    // Checked here too: a read from bytes already buffered need not look at the token.
                    cancellationToken.ThrowIfCancellationRequested();
                    await file.WriteAsync(buffer, 0, read, cancellationToken);
                    // The first chunk at once (so a long save shows it started), then a few times a second at most.
                    if (written == 0 || sinceReport.Elapsed >= ProgressInterval)
                    {
                        output.WriteProgress(new ProgressUpdate(ProgressId, activity, ByteSize.Format(written + read) + " written"));
                        sinceReport.Restart();
                    }

                    written += read;
                }
            }
            finally
            {
                output.WriteProgress(new ProgressUpdate(ProgressId, activity, ByteSize.Format(written) + " written") { Completed = true });
            }
        }
    }
}

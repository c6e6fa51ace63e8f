using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Containers.Commands.Containers;
using Containers.Engine.Http;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Files;
using Containers.Models;
using Containers.Output;
using Containers.Text;

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
        private const int BufferSize = 81920;
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

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
            CommandError? refusal = CheckDestination();
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

        private async Task CopyAsync(ContainerEngine engine, string name, Stream file, ICommandOutput output, CancellationToken cancellationToken)
        {
            string activity = $"Exporting container {name} to {System.IO.Path.GetFileName(Path)}";
            long written = 0;
            try
            {
                using EngineResponse response = await engine.Client.Containers.ExportAsync(name, cancellationToken);
                var buffer = new byte[BufferSize];
                Stopwatch sinceReport = Stopwatch.StartNew();
                for (int read; (read = await response.Content.ReadAsync(buffer, 0, buffer.Length, cancellationToken)) > 0;)
                {
                    // Checked here too: a read from bytes already buffered need not look at the token.
                    cancellationToken.ThrowIfCancellationRequested();
                    await file.WriteAsync(buffer, 0, read, cancellationToken);
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

using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Engine.Streams;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Progress;

namespace Containers.Commands.Images
{
    /// <summary>
    /// Import-ContainerImage: docker load of tar files docker save (or Export-ContainerImage) wrote. The file streams to
    /// the engine; its answer becomes Write-Progress per layer; an error inside it becomes an error record. The images
    /// returned are read back from the engine: the "Loaded image" lines only say which ones to read.
    /// </summary>
    public sealed class ImportContainerImageCommand
    {
        private const int ProgressId = 1;
        private const int BufferSize = 81920;

        /// <param name="paths">Full file-system paths of tar files.</param>
        public async Task ExecuteAsync(ContainerEngine engine, IEnumerable<string> paths, ICommandOutput output, CancellationToken cancellationToken)
        {
            foreach (string path in paths)
            {
                if (Directory.Exists(path))
                {
                    output.WriteError(ErrorClassifier.Classify(
                        new InvalidParameterException("Path", path, $"'{path}' is a folder; give the path of an image archive (a tar file, as Export-ContainerImage or docker save writes)."), path));
                    continue;
                }

                if (!File.Exists(path))
                {
                    output.WriteError(new CommandError("FileNotFound", ErrorKind.ObjectNotFound, $"The file '{path}' does not exist.", path));
                    continue;
                }

                if (!output.ShouldProcess($"image archive '{path}'", "Load into " + engine.Name))
                {
                    continue;
                }

                IReadOnlyList<string> loaded = await LoadAsync(engine, path, output, cancellationToken);

                // Images that arrived before a failure are there all the same: return them too.
                foreach (string nameOrId in loaded)
                {
                    try
                    {
                        ImageInspect inspect = await engine.Client.Images.InspectAsync(nameOrId, cancellationToken);
                        output.WriteObject(ContainerImage.FromInspect(inspect, engine, nameOrId));
                    }
                    catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
                    {
                        output.WriteError(ErrorClassifier.Classify(e, nameOrId, ImageTargets.Resource));
                    }
                }
            }
        }

        /// <summary>Loads one file; returns the names (or ids) of the images the engine said it loaded.</summary>
        private static async Task<IReadOnlyList<string>> LoadAsync(ContainerEngine engine, string path, ICommandOutput output, CancellationToken cancellationToken)
        {
            var loaded = new List<string>();
            FileStream file;
            try
            {
                file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                output.WriteError(new CommandError("FileReadFailed", ErrorKind.ReadError, $"Could not read '{path}': {e.Message}", path, e));
                return loaded;
            }

            var progress = new LayerProgress(output, ProgressId, "Loading " + Path.GetFileName(path));
            try
            {
                using JsonMessageReader messages = await engine.Client.Images.LoadAsync(file, quiet: false, cancellationToken);
                await messages.ReadToEndAsync(message =>
                {
                    progress.Report(message);
                    foreach (string line in (message.Stream ?? string.Empty).Split('\n'))
                    {
                        if (LoadedImageLine.TryRead(line, out string nameOrId))
                        {
                            if (!loaded.Contains(nameOrId))
                            {
                                loaded.Add(nameOrId);
                            }
                        }
                        else if (line.Trim().Length > 0)
                        {
                            // "The image NAME already exists, renaming the old one with ID ... to empty string", and the like.
                            output.WriteVerbose(line.Trim());
                        }
                    }
                }, cancellationToken);
            }
            catch (EngineStreamException e)
            {
                // The engine took the request but not the file: a tar it cannot read, or not a docker save archive.
                output.WriteError(new CommandError("ImageLoadFailed", ErrorKind.InvalidData, $"Loading '{path}' failed: {e.Message}", path, e));
            }
            catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
            {
                output.WriteError(ErrorClassifier.Classify(e, path, ImageTargets.Resource));
            }
            finally
            {
                progress.Complete();
                file.Dispose();
            }

            return loaded;
        }
    }
}

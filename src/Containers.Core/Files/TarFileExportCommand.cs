using Containers.Errors;
using Containers.Output;

namespace Containers.Files
{
    /// <summary>
    /// What Export-Container and Export-ContainerImage share: a tar archive streamed from the engine into one file (never
    /// whole in memory) under a temporary name beside it, which takes the file's name only once complete, so a failure or
    /// Ctrl+C part-way leaves no partial file. An existing file is kept unless -Force.
    /// </summary>
    public abstract class TarFileExportCommand
    {
        private const int ProgressId = 1;

        /// <param name="path">The tar file to write, as a full file-system path.</param>
        protected TarFileExportCommand(string path)
        {
            Path = path;
        }

        public string Path { get; }

        /// <summary>Replace the file when it exists.</summary>
        public bool Force { get; set; }

        /// <summary>Return what was written.</summary>
        public bool PassThru { get; set; }

        /// <summary>Checks the file can be written before anything is asked of the engine; reports why not and returns false.</summary>
        protected bool CheckDestination(ICommandOutput output)
        {
            CommandError? refusal = TarFileDestination.Check(Path, Force);
            if (refusal != null)
            {
                output.WriteError(refusal);
                return false;
            }

            return true;
        }

        /// <summary>
        /// Writes the archive <paramref name="open"/> returns to the file, with progress under <paramref name="activity"/>;
        /// reports a failure (an engine error against <paramref name="target"/>, a file error against the path) and returns false.
        /// </summary>
        /// <param name="resource">For engine error ids: ContainerNotFound, ImageNotFound.</param>
        protected async Task<bool> WriteAsync(Func<CancellationToken, Task<Stream>> open, string activity, string target, string resource, ICommandOutput output, CancellationToken cancellationToken)
        {
            try
            {
                await StagedFile.WriteAsync(Path, Force, async (file, token) =>
                {
                    using Stream tar = await open(token);
                    await ProgressCopy.CopyAsync(tar, file, ProgressId, activity, output, token);
                }, cancellationToken);
                return true;
            }
            catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
            {
                output.WriteError(ErrorClassifier.Classify(e, target, resource));
                return false;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                output.WriteError(new CommandError("FileWriteFailed", ErrorKind.WriteError, $"Could not write '{Path}': {e.Message}", Path, e));
                return false;
            }
        }
    }
}

using Containers.Commands.Containers;
using Containers.Engine.Archives;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Progress;
using Containers.Text;

namespace Containers.Commands.Files
{
    /// <summary>
    /// Copy-ContainerItem -ToContainer: docker cp SOURCE CONTAINER:DESTINATION. The destination follows docker cp's
    /// rules (an existing directory receives the copy under the source's name, a missing path in an existing directory
    /// becomes the copy, a source ending in <c>/.</c> copies a directory's contents); the source is packed as a tar while
    /// it is sent (modes, times and links kept, nothing held in memory) and the engine unpacks it. What the copy would
    /// replace is looked for first, so without -Force an existing file is an error and nothing is sent.
    /// </summary>
    public sealed class CopyToContainerCommand : ContainerCopyCommand
    {
        private const int ProgressId = 1;

        /// <param name="destination">The path inside the container.</param>
        public CopyToContainerCommand(string destination)
            : base(destination)
        {
        }

        protected override CommandError? Failure(Exception exception, string container, string source) => exception switch
        {
            // 403 from the archive endpoint: the destination is on a read-only root filesystem or volume.
            EngineAuthenticationException _ => new CommandError("ContainerPathReadOnly", ErrorKind.PermissionDenied, exception.Message, container + ":" + Destination, exception),
            _ when ErrorClassifier.IsPerTarget(exception) => ErrorClassifier.Classify(exception, container + ":" + Destination),
            _ when exception is IOException || exception is UnauthorizedAccessException =>
                new CommandError("FileReadFailed", ErrorKind.ReadError, $"Could not copy '{source}': {exception.Message}", source, exception),
            _ => null,
        };

        /// <param name="source">A full host path; a trailing <c>/.</c> (or <c>\.</c>) copies a directory's contents.</param>
        protected override async Task CopyOneAsync(ContainerEngine engine, string container, string source, ICommandOutput output, CancellationToken cancellationToken)
        {
            bool contentsOnly = source.EndsWith(Path.DirectorySeparatorChar + ".", StringComparison.Ordinal) || source.EndsWith("/.", StringComparison.Ordinal);
            string sourcePath = Path.GetFullPath(source).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            if (sourcePath.Length == 0)
            {
                sourcePath = Path.GetPathRoot(Path.GetFullPath(source))!;
            }

            FileSystemInfo item = new FileInfo(sourcePath);
            if ((int)item.Attributes == -1)
            {
                output.WriteError(new CommandError("PathNotFound", ErrorKind.ObjectNotFound, $"Cannot find the path '{sourcePath}': it does not exist.", sourcePath));
                return;
            }

            bool isLink = (item.Attributes & FileAttributes.ReparsePoint) != 0;
            bool isDirectory = (item.Attributes & FileAttributes.Directory) != 0 && (!isLink || FollowLink);
            if (isLink && FollowLink && !Directory.Exists(sourcePath) && !File.Exists(sourcePath))
            {
                output.WriteError(new CommandError("PathNotFound", ErrorKind.ObjectNotFound, $"The link '{sourcePath}' points at nothing: there is nothing to copy.", sourcePath));
                return;
            }

            if (isDirectory)
            {
                item = new DirectoryInfo(sourcePath);
            }

            contentsOnly &= isDirectory;

            // Where the archive is unpacked (an existing directory) and what its top entry is called there.
            string requested = ContainerPaths.ForRequest(Destination);
            ContainerPathStat? existing = await StatOrNullAsync(engine, container, requested, cancellationToken);
            if (existing != null && existing.IsSymbolicLink && !string.IsNullOrEmpty(existing.LinkTarget))
            {
                requested = ContainerPaths.Join(ContainerPaths.Parent(requested), existing.LinkTarget!);
                existing = await StatOrNullAsync(engine, container, requested, cancellationToken);
            }

            string directory;
            string? topName;
            if (existing != null && existing.IsDirectory)
            {
                directory = requested;
                topName = contentsOnly ? null : item.Name;
            }
            else if (existing != null && existing.IsFile)
            {
                if (isDirectory)
                {
                    output.WriteError(new CommandError("DestinationTypeConflict", ErrorKind.InvalidArgument,
                        $"Cannot copy the directory '{sourcePath}' onto the file '{container}:{requested}'. Nothing was copied.", container + ":" + requested));
                    return;
                }

                directory = ContainerPaths.Parent(requested);
                topName = ContainerPaths.BaseName(requested);
            }
            else if (existing != null)
            {
                output.WriteError(new CommandError("DestinationTypeConflict", ErrorKind.InvalidArgument,
                    $"The destination '{container}:{requested}' must be a directory or a regular file. Nothing was copied.", container + ":" + requested));
                return;
            }
            else
            {
                if (ContainerPaths.AssertsDirectory(Destination) && !isDirectory)
                {
                    throw new EngineNotFoundException(
                        $"The destination directory '{requested}' does not exist in container {container}, and a file cannot be copied into it.",
                        EngineResourceKind.ContainerPath, requested);
                }

                directory = ContainerPaths.Parent(requested);
                topName = ContainerPaths.BaseName(requested);
                contentsOnly = false; // the directory is made under the new name, holding the source's contents
                ContainerPathStat parent = await StatParentAsync(engine, container, directory, cancellationToken);
                if (!parent.IsDirectory)
                {
                    output.WriteError(new CommandError("DestinationTypeConflict", ErrorKind.InvalidArgument,
                        $"'{container}:{directory}' is not a directory, so nothing can be copied into it.", container + ":" + directory));
                    return;
                }
            }

            string where = topName == null ? directory : ContainerPaths.Join(directory, topName);
            if (!Force)
            {
                string? conflict = topName == null
                    ? await FindChildConflictAsync(engine, container, (DirectoryInfo)item, directory, cancellationToken)
                    : await FindConflictAsync(engine, container, item, isDirectory, where, cancellationToken);
                if (conflict != null)
                {
                    output.WriteError(new CommandError("ItemExists", ErrorKind.ResourceExists,
                        $"'{container}:{conflict}' already exists. Nothing was copied.", container + ":" + conflict, null, "Use -Force to replace existing files."));
                    return;
                }
            }

            if (!output.ShouldProcess($"{container}:{where}", $"Copy '{sourcePath}' into {ContainerTargets.Kind.Describe(container, engine)}"))
            {
                return;
            }

            var upload = new UploadProgress(output, ProgressId, -1, $"Copying {item.Name} to {container}:{where}");
            try
            {
                using var tar = new ContextUploadStream(HostPathArchive.Create(item, topName ?? ".", contentsOnly || topName == null, FollowLink), upload);
                await engine.Client.Containers.PutArchiveAsync(container, directory, tar, noOverwriteDirNonDir: true, cancellationToken);
            }
            finally
            {
                upload.Complete();
            }

            output.WriteVerbose($"Copied {sourcePath} to {container}:{where} ({ByteSize.Format(upload.Bytes)} as a tar).");

            if (PassThru)
            {
                ContainerPathStat copied = await engine.Client.Containers.StatPathAsync(container, where, cancellationToken);
                output.WriteObject(new ContainerItem(container, where, copied, engine));
            }
        }

        private static async Task<ContainerPathStat?> StatOrNullAsync(ContainerEngine engine, string container, string path, CancellationToken cancellationToken)
        {
            try
            {
                return await engine.Client.Containers.StatPathAsync(container, path, cancellationToken);
            }
            catch (EngineNotFoundException e) when (e.ResourceKind == EngineResourceKind.ContainerPath)
            {
                return null;
            }
        }

        private static async Task<ContainerPathStat> StatParentAsync(ContainerEngine engine, string container, string directory, CancellationToken cancellationToken)
        {
            try
            {
                return await engine.Client.Containers.StatPathAsync(container, directory, cancellationToken);
            }
            catch (EngineNotFoundException e) when (e.ResourceKind == EngineResourceKind.ContainerPath)
            {
                throw new EngineNotFoundException(
                    $"The directory '{directory}' does not exist in container {container}, so nothing can be copied into it.",
                    EngineResourceKind.ContainerPath, directory);
            }
        }

        /// <summary>
        /// The first path in the container the copy would replace: the item itself when it exists and is not a
        /// directory, else (a directory onto a directory) the first of its contents that exists there. Only what already
        /// exists is looked into, so a copy to a fresh place costs one request.
        /// </summary>
        private static async Task<string?> FindConflictAsync(ContainerEngine engine, string container, FileSystemInfo item, bool isDirectory, string path, CancellationToken cancellationToken)
        {
            ContainerPathStat? there = await StatOrNullAsync(engine, container, path, cancellationToken);
            if (there == null)
            {
                return null;
            }

            if (!isDirectory || !there.IsDirectory)
            {
                return path;
            }

            return await FindChildConflictAsync(engine, container, (DirectoryInfo)item, path, cancellationToken);
        }

        private static async Task<string?> FindChildConflictAsync(ContainerEngine engine, string container, DirectoryInfo directory, string path, CancellationToken cancellationToken)
        {
            // In name order, so the conflict reported is the same every time.
            foreach (FileSystemInfo child in directory.EnumerateFileSystemInfos().OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                bool childIsDirectory = (child.Attributes & FileAttributes.Directory) != 0 && (child.Attributes & FileAttributes.ReparsePoint) == 0;
                string? conflict = await FindConflictAsync(engine, container, child, childIsDirectory, ContainerPaths.Join(path, child.Name), cancellationToken);
                if (conflict != null)
                {
                    return conflict;
                }
            }

            return null;
        }
    }
}

using Containers.Commands.Containers;
using Containers.Engine.Archives;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Files;
using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Files
{
    /// <summary>
    /// Copy-ContainerItem -FromContainer: docker cp CONTAINER:SOURCE DESTINATION. The destination follows docker cp's
    /// rules: an existing directory receives the copy under the source's name; a path that does not exist (in an existing
    /// folder) becomes the copy; a source ending in <c>/.</c> copies a directory's contents. The archive is unpacked by
    /// <see cref="ArchiveExtractor"/> into a hidden folder beside the destination and moved into place only when whole and
    /// when nothing is in the way, so a hostile or cut-off archive, or an existing file without -Force, leaves the
    /// destination untouched.
    /// </summary>
    public sealed class CopyFromContainerCommand : ContainerCopyCommand
    {
        /// <param name="destination">The host path, full; keep a trailing separator when the user gave one (it says "a directory").</param>
        public CopyFromContainerCommand(string destination)
            : base(destination)
        {
        }

        protected override CommandError? Failure(Exception exception, string container, string source) => exception switch
        {
            _ when ErrorClassifier.IsPerTarget(exception) => ErrorClassifier.Classify(exception, container + ":" + source),
            _ when exception is IOException || exception is UnauthorizedAccessException =>
                new CommandError("FileWriteFailed", ErrorKind.WriteError, $"Could not copy '{container}:{source}' to '{Destination}': {exception.Message}", Destination, exception),
            _ => null,
        };

        protected override async Task CopyOneAsync(ContainerEngine engine, string container, string source, ICommandOutput output, CancellationToken cancellationToken)
        {
            string requested = ContainerPaths.ForRequest(source);
            string? rebaseName = null;
            if (FollowLink)
            {
                ContainerPathStat stat = await engine.Client.Containers.StatPathAsync(container, requested, cancellationToken);
                if (stat.IsSymbolicLink && !string.IsNullOrEmpty(stat.LinkTarget))
                {
                    // The engine gives the link's target resolved inside the container; the copy keeps the link's name.
                    rebaseName = ContainerPaths.BaseName(requested);
                    requested = ContainerPaths.Join(ContainerPaths.Parent(requested), stat.LinkTarget!);
                }
            }

            if (!output.ShouldProcess(Destination, $"Copy '{source}' from {ContainerTargets.Kind.Describe(container, engine)}"))
            {
                return;
            }

            using ContainerArchive archive = await engine.Client.Containers.GetArchiveAsync(container, requested, cancellationToken);
            FileSystemInfo? copied = await CopyArchiveAsync(archive.Content, archive.Stat, rebaseName, container + ":" + source, output, cancellationToken);
            if (copied != null)
            {
                output.WriteVerbose($"Copied {container}:{requested} to {copied.FullName}.");
                if (PassThru)
                {
                    output.WriteObject(copied);
                }
            }
        }

        /// <summary>
        /// Puts what <paramref name="tar"/> holds (an archive of the path <paramref name="stat"/> describes, as the engine
        /// makes it) at the destination; reports problems as errors and returns null. Separate from the engine so that
        /// archives no engine would send can be tried against it.
        /// </summary>
        /// <param name="rebaseName">The name the copy takes when it differs from the archived path's (a followed link).</param>
        /// <param name="source">What is copied, as CONTAINER:PATH, for messages.</param>
        public async Task<FileSystemInfo?> CopyArchiveAsync(Stream tar, ContainerPathStat stat, string? rebaseName, string source, ICommandOutput output, CancellationToken cancellationToken)
        {
            string archivedName = stat.Name;
            bool contentsOnly = archivedName == ".";
            if (!contentsOnly && !ContainerPaths.IsPlainName(archivedName))
            {
                output.WriteError(new CommandError("InvalidArchive", ErrorKind.InvalidData,
                    $"The engine described the copied path as '{archivedName}', which is not a name a copy can take. Nothing was copied.", source));
                return null;
            }

            string name = rebaseName ?? archivedName;
            string destination = Destination.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            if (destination.Length == 0)
            {
                destination = Path.GetPathRoot(Destination) ?? Destination;
            }

            bool assertsDirectory = destination.Length < Destination.Length;
            string target;
            string stagingParent;
            if (Directory.Exists(destination))
            {
                target = contentsOnly ? destination : Path.Combine(destination, name);
                stagingParent = destination;
            }
            else if (File.Exists(destination))
            {
                if (stat.IsDirectory)
                {
                    output.WriteError(new CommandError("DestinationTypeConflict", ErrorKind.InvalidArgument,
                        $"Cannot copy the directory '{source}' onto the file '{destination}'. Nothing was copied.", destination));
                    return null;
                }

                target = destination;
                stagingParent = Path.GetDirectoryName(destination)!;
            }
            else
            {
                string? parent = Path.GetDirectoryName(destination);
                if (string.IsNullOrEmpty(parent) || !Directory.Exists(parent))
                {
                    output.WriteError(new CommandError("PathNotFound", ErrorKind.ObjectNotFound,
                        $"The folder '{parent}' of the destination does not exist. Nothing was copied.", parent ?? destination));
                    return null;
                }

                if (assertsDirectory && !stat.IsDirectory)
                {
                    output.WriteError(new CommandError("PathNotFound", ErrorKind.ObjectNotFound,
                        $"The destination directory '{destination}' does not exist, and a file cannot be copied into it. Nothing was copied.", destination));
                    return null;
                }

                target = destination;
                stagingParent = parent!;
            }

            using StagedTree staging = StagedTree.Create(stagingParent);
            try
            {
                await new ArchiveExtractor(staging.Folder, overwrite: true).ExtractAsync(tar, cancellationToken);
                // The archive ends at its end marker, the engine's answer only where HTTP says: read on to the answer's
                // end, so an answer cut after the marker (the last chunk never came) is the error it is, not a good copy.
                await tar.CopyToAsync(Stream.Null, 81920, cancellationToken);
            }
            catch (UnsafeArchiveEntryException unsafeEntry)
            {
                output.WriteError(new CommandError("UnsafeArchiveEntry", ErrorKind.SecurityError, unsafeEntry.Message, unsafeEntry.EntryName, unsafeEntry,
                    "The container's archive tried to write outside the destination; nothing of it was copied."));
                return null;
            }
            catch (InvalidDataException invalid)
            {
                output.WriteError(new CommandError("InvalidArchive", ErrorKind.InvalidData, invalid.Message + " Nothing was copied.", source, invalid));
                return null;
            }

            // Which staged items go where: the archived item to the target, or, for a copy of contents, each item into it.
            var moves = new List<(string Staged, string Target)>();
            if (contentsOnly && Directory.Exists(target))
            {
                foreach (string child in Directory.EnumerateFileSystemEntries(staging.Folder))
                {
                    moves.Add((child, Path.Combine(target, Path.GetFileName(child))));
                }
            }
            else
            {
                string staged = contentsOnly ? staging.Folder : Path.Combine(staging.Folder, archivedName);
                if (!contentsOnly && (int)new FileInfo(staged).Attributes == -1)
                {
                    output.WriteWarning($"Nothing was copied from '{source}': this system cannot hold what the archive has there (a link or a device).");
                    return null;
                }

                moves.Add((staged, target));
            }

            foreach ((string staged, string to) in moves)
            {
                CommandError? problem = StagedTree.Check(staged, to, Force);
                if (problem != null)
                {
                    output.WriteError(problem);
                    return null;
                }
            }

            foreach ((string staged, string to) in moves)
            {
                StagedTree.Move(staged, to);
            }

            return Directory.Exists(target) && (new FileInfo(target).Attributes & FileAttributes.ReparsePoint) == 0
                ? new DirectoryInfo(target)
                : (FileSystemInfo)new FileInfo(target);
        }
    }
}

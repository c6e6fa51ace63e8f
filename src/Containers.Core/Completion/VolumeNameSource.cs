using Containers.Engine.Models;
using Containers.Models;

namespace Containers.Completion
{
    /// <summary>
    /// Named volumes for the source part of -Volume ('name:/path'): each completes to <c>name:</c>, ready for the
    /// container path (and plain names for the volume cmdlets' -Name). Text that already holds a ':' or looks like a host path is not a volume name, and is left to
    /// PowerShell's own path completion.
    /// </summary>
    public static class VolumeNameSource
    {
        public static Task<IReadOnlyList<CompletionCandidate>> ListAsync(ContainerEngine engine, CancellationToken cancellationToken) =>
            ListAsync(engine, volume => volume.Name + ":", cancellationToken);

        /// <summary>Volume names as they are, for the volume cmdlets' -Name.</summary>
        public static Task<IReadOnlyList<CompletionCandidate>> ListNamesAsync(ContainerEngine engine, CancellationToken cancellationToken) =>
            ListAsync(engine, volume => null, cancellationToken);

        /// <param name="text">What a volume completes to; null for its name.</param>
        private static async Task<IReadOnlyList<CompletionCandidate>> ListAsync(ContainerEngine engine, Func<Volume, string?> text, CancellationToken cancellationToken)
        {
            VolumeListResponse listing = await engine.Client.Volumes.ListAsync(null, cancellationToken);
            return (listing.Volumes ?? new List<Volume>())
                .Where(volume => volume.Name.Length > 0)
                .Select(volume => new CompletionCandidate(volume.Name, $"{volume.Name}: {volume.Driver} volume", text(volume)))
                .ToArray();
        }

        /// <summary>True when the typed text can still become a volume name: no ':' yet, and not a path.</summary>
        public static bool CouldBeVolumeName(string typed) =>
            typed.IndexOf(':') < 0
            && !typed.StartsWith("/", StringComparison.Ordinal)
            && !typed.StartsWith("\\", StringComparison.Ordinal)
            && !typed.StartsWith(".", StringComparison.Ordinal)
            && !typed.StartsWith("~", StringComparison.Ordinal);
    }
}

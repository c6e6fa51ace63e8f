using System.Collections;
using Containers.Engine.Models;
using Containers.Models;

namespace Containers.Completion
{
    /// <summary>
    /// Completes -Platform (os/arch[/variant]): the engine's own platform first, from one /version request within the
    /// completion time limit, then the platforms images are commonly built for. An engine that does not answer costs
    /// only its own entry.
    /// </summary>
    public static class PlatformValues
    {
        public static readonly IReadOnlyList<string> Common = new[]
        {
            "linux/amd64", "linux/arm64", "linux/arm/v7", "linux/arm/v6", "linux/386", "linux/ppc64le", "linux/s390x", "linux/riscv64",
            "windows/amd64", "windows/arm64",
        };

        /// <param name="enginePlatform">Asks the engine; <see cref="EngineCompleters.EnginePlatform"/> unless a caller needs another time limit.</param>
        public static IReadOnlyList<CompletionItem> Complete(string? wordToComplete, IDictionary? boundParameters, string sessionKey, EngineNameCompleter? enginePlatform = null)
        {
            IReadOnlyList<CompletionItem> own = (enginePlatform ?? EngineCompleters.EnginePlatform).Complete(wordToComplete, boundParameters, sessionKey);
            return own
                .Concat(FixedValues.Complete(wordToComplete, Common.Select(platform => new CompletionCandidate(platform, platform))))
                .GroupBy(item => item.ListItemText, StringComparer.OrdinalIgnoreCase)
                .Select(group => group.First())
                .ToArray();
        }

        /// <summary>The engine's os/arch as docker names platforms (linux/amd64).</summary>
        public static async Task<IReadOnlyList<CompletionCandidate>> ListEngineOwnAsync(ContainerEngine engine, CancellationToken cancellationToken)
        {
            VersionResponse version = await engine.Client.System.VersionAsync(cancellationToken);
            if (string.IsNullOrEmpty(version.Os) || string.IsNullOrEmpty(version.Arch))
            {
                return Array.Empty<CompletionCandidate>();
            }

            string platform = version.Os + "/" + version.Arch;
            return new[] { new CompletionCandidate(platform, $"{platform}: the platform of {engine.Name}") };
        }
    }
}

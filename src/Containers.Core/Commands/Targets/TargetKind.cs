using Containers.EngineSelection;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Text;

namespace Containers.Commands.Targets
{
    /// <summary>
    /// One kind of engine object that commands act on by name (containers, images, networks, volumes), and how what the
    /// user named becomes targets: a literal name or id passes through as is (the engine resolves names, ids and id
    /// prefixes, and says so when there is no such object); a wildcard matches among the objects the engine lists, and
    /// matching nothing is not an error. A new kind gives its words, its list and, where they differ, its own pattern
    /// rules and error classification; the loop that acts on targets is <see cref="TargetCommand"/>.
    /// </summary>
    public sealed class TargetKind
    {
        private readonly Func<ContainerEngine, string, CancellationToken, Task<IEnumerable<string>>> _match;

        /// <param name="noun">How one object reads in -WhatIf text: "container".</param>
        /// <param name="resource">For error ids: ContainerNotFound, ImageInUse, ...</param>
        /// <param name="match">The names of the engine's objects that a pattern matches, in any order.</param>
        public TargetKind(string noun, string resource, Func<ContainerEngine, string, CancellationToken, Task<IEnumerable<string>>> match)
        {
            Noun = noun ?? throw new ArgumentNullException(nameof(noun));
            Resource = resource ?? throw new ArgumentNullException(nameof(resource));
            _match = match ?? throw new ArgumentNullException(nameof(match));
        }

        public string Noun { get; }

        public string Resource { get; }

        /// <summary>Whether what the user named is a pattern to match against the list; a wildcard by default.</summary>
        public Func<string, bool> IsPattern { get; init; } = Wildcard.ContainsWildcard;

        /// <summary>How a literal name is passed to the engine (a container's leading '/', a network's spaces, dropped).</summary>
        public Func<string, string> Literal { get; init; } = named => named;

        /// <summary>How a failure about one target reads, when the kind knows better than <see cref="ErrorClassifier"/> alone.</summary>
        public Func<Exception, string, CommandError>? Classifier { get; init; }

        /// <summary>
        /// A <c>match</c> for kinds matched by name with a wildcard: lists the names and keeps those the pattern matches.
        /// </summary>
        public static Func<ContainerEngine, string, CancellationToken, Task<IEnumerable<string>>> ByName(
            Func<ContainerEngine, CancellationToken, Task<IEnumerable<string>>> listNames) =>
            async (engine, pattern, cancellationToken) =>
            {
                var wildcard = new Wildcard(pattern);
                return (await listNames(engine, cancellationToken)).Where(wildcard.IsMatch);
            };

        public async Task<IReadOnlyList<string>> ExpandAsync(ContainerEngine engine, string named, CancellationToken cancellationToken)
        {
            if (!IsPattern(named))
            {
                return new[] { Literal(named) };
            }

            IEnumerable<string> matched = await _match(engine, named, cancellationToken);
            return matched.OrderBy(name => name, StringComparer.OrdinalIgnoreCase).ToArray();
        }

        /// <summary>Expands, reporting a failure (engine errors about this name) as a non-terminating error and yielding nothing.</summary>
        public async Task<IReadOnlyList<string>> ExpandOrReportAsync(ContainerEngine engine, string named, ICommandOutput output, CancellationToken cancellationToken)
        {
            try
            {
                return await ExpandAsync(engine, named, cancellationToken);
            }
            catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
            {
                output.WriteError(Classify(e, named));
                return Array.Empty<string>();
            }
        }

        /// <summary>
        /// Expands each name and runs <paramref name="act"/> on each target; a failure for one target is reported and the
        /// next goes on. For commands that gather their targets before acting on them all at once.
        /// </summary>
        public Task ForEachAsync(ContainerEngine engine, IEnumerable<string> names, ICommandOutput output, Func<string, Task> act, CancellationToken cancellationToken) =>
            new EachTarget(this, act).ExecuteAsync(engine, names, output, cancellationToken);

        /// <summary>How a target reads in -WhatIf and confirmation text: "container 'web'", with its engine unless the default.</summary>
        public string Describe(string target, ContainerEngine engine) =>
            WhatIfTarget.On(engine, $"{Noun} '{target}'");

        public CommandError Classify(Exception exception, string target) =>
            Classifier != null ? Classifier(exception, target) : ErrorClassifier.Classify(exception, target, Resource);
    }
}

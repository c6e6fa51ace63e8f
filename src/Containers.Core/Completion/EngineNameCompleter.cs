using System.Collections;
using Containers.Models;

namespace Containers.Completion
{
    /// <summary>
    /// Completes a parameter with names the engine has right now: asks it (within <see cref="TimeLimit"/>), keeps the
    /// names that match the typed word and are not typed already in the same argument, sorts them and quotes them. An
    /// engine that is down, refuses or does not answer gives no completions and no error, promptly, because the user is
    /// waiting at the keyboard.
    /// </summary>
    public sealed class EngineNameCompleter
    {
        private static readonly IReadOnlyList<CompletionItem> Nothing = Array.Empty<CompletionItem>();

        private readonly Func<ContainerEngine, CancellationToken, Task<IReadOnlyList<CompletionCandidate>>> _source;
        private readonly Func<string, bool> _appliesTo;

        /// <param name="source">Lists what the engine offers.</param>
        /// <param name="appliesTo">Whether the typed text (without quotes) is a name at all; false leaves completion to PowerShell (file paths).</param>
        public EngineNameCompleter(Func<ContainerEngine, CancellationToken, Task<IReadOnlyList<CompletionCandidate>>> source, Func<string, bool>? appliesTo = null)
        {
            _source = source ?? throw new ArgumentNullException(nameof(source));
            _appliesTo = appliesTo ?? (_ => true);
        }

        /// <summary>How long the engine may take, connecting and negotiating included.</summary>
        public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>The same completer with another time limit, for a caller that can wait longer (or less) than a typing user.</summary>
        public EngineNameCompleter WithTimeLimit(TimeSpan limit) => new EngineNameCompleter(_source, _appliesTo) { TimeLimit = limit };

        /// <param name="wordToComplete">The word as typed, possibly with an opening quote.</param>
        /// <param name="boundParameters">PowerShell's fake bound parameters: an -Engine there is the engine asked.</param>
        /// <param name="sessionKey">The PowerShell session, for the engine Connect-ContainerEngine chose.</param>
        /// <param name="alreadyTyped">Values typed before in the same argument (-Name a, b, ...): not offered again.</param>
        public IReadOnlyList<CompletionItem> Complete(string? wordToComplete, IDictionary? boundParameters, string sessionKey, IReadOnlyCollection<string>? alreadyTyped = null)
        {
            TypedWord word = TypedWord.Parse(wordToComplete);
            if (!_appliesTo(word.Text))
            {
                return Nothing;
            }

            ContainerEngine? engine = BoundEngine.Choose(boundParameters, sessionKey);
            if (engine == null)
            {
                return Nothing;
            }

            return Fetch(engine)
                .Where(candidate => word.Matches(candidate.Name))
                .Where(candidate => alreadyTyped == null || !alreadyTyped.Contains(candidate.Name, StringComparer.Ordinal))
                .OrderBy(candidate => candidate.Name, StringComparer.OrdinalIgnoreCase)
                .ThenBy(candidate => candidate.Name, StringComparer.Ordinal)
                .Select(candidate => candidate.ToItem(word))
                .GroupBy(item => item.CompletionText, StringComparer.Ordinal)
                .Select(group => group.First())
                .ToArray();
        }

        // Runs on the thread pool and is waited for with a limit: PowerShell calls completers synchronously on its
        // pipeline thread, and a host name lookup or a stuck connection must not hold the prompt.
        private IReadOnlyList<CompletionCandidate> Fetch(ContainerEngine engine)
        {
            var cancel = new CancellationTokenSource();
            Task<IReadOnlyList<CompletionCandidate>> fetch = Task.Run(() => _source(engine, cancel.Token), cancel.Token);
            bool finished;
            try
            {
                finished = fetch.Wait(TimeLimit);
            }
            catch (Exception)
            {
                cancel.Dispose();
                return Array.Empty<CompletionCandidate>();
            }

            if (finished)
            {
                cancel.Dispose();
                return fetch.Result;
            }

            // Too slow: give up, and let the abandoned call end (and be observed) in the background.
            cancel.Cancel();
            fetch.ContinueWith(abandoned =>
            {
                _ = abandoned.Exception;
                cancel.Dispose();
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return Array.Empty<CompletionCandidate>();
        }
    }
}

using Containers.Models;

namespace Containers.PowerShell.Hosting
{
    /// <summary>
    /// -Follow over piped targets (Get-ContainerLog, Get-ContainerServiceLog): a followed stream does not end while its
    /// source runs, so reading the targets record by record would never reach the second. Each record's engine and
    /// targets are gathered instead, and all are read together once the input has ended.
    /// </summary>
    internal sealed class FollowedTargets
    {
        private readonly List<(ContainerEngine Engine, IReadOnlyList<string> Targets)> _gathered = new List<(ContainerEngine, IReadOnlyList<string>)>();

        /// <summary>What becomes of a record's engine and targets: gathered for the end when <paramref name="gather"/>, else read now.</summary>
        public Func<ContainerEngine, IReadOnlyList<string>, Task> ForRecord(bool gather, Func<ContainerEngine, IReadOnlyList<string>, Task> readNow) =>
            gather
                ? (engine, targets) =>
                {
                    _gathered.Add((engine, targets));
                    return Task.CompletedTask;
                }
                : readNow;

        /// <summary>Reads every gathered target together; nothing when none was gathered.</summary>
        public Task ReadGatheredAsync(Func<IReadOnlyList<(ContainerEngine Engine, IReadOnlyList<string> Targets)>, Task> read) =>
            _gathered.Count == 0 ? Task.CompletedTask : read(_gathered);
    }
}

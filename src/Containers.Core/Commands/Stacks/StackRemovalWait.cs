using Containers.Engine.Errors;
using Containers.Output;

namespace Containers.Commands.Stacks
{
    /// <summary>
    /// The one bounded wait of a stack's removal, after its services are gone: the swarm stops their tasks in its own
    /// time, and until then it refuses to remove what they hold (a secret, a config, a local network: "in use"), or
    /// accepts a swarm network's removal but keeps it, its name taken, while tasks use it (dockerd 20.10 marks it for
    /// deletion). Each object is tried or watched every quarter second until it is gone or the deadline passes; while
    /// waiting the user sees a progress bar, and -Verbose what is waited for.
    /// </summary>
    internal sealed class StackRemovalWait
    {
        private const int ActivityId = 21;

        private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

        private readonly string _stack;
        private readonly ICommandOutput _output;
        private readonly DateTime _deadline;
        private bool _shown;

        /// <param name="seconds">How long the whole wait may take, from now.</param>
        public StackRemovalWait(string stack, int seconds, ICommandOutput output)
        {
            _stack = stack;
            _output = output;
            Seconds = seconds;
            _deadline = DateTime.UtcNow.AddSeconds(seconds);
        }

        public int Seconds { get; }

        /// <summary>
        /// Removes one object, trying again while the engine says it is in use. Returns the last refusal when the deadline
        /// passed with the object still there, else null (removed, or gone already).
        /// </summary>
        /// <param name="what">As it reads: "secret 'shop_pw'".</param>
        public async Task<Exception?> RemoveAsync(string what, Func<Task> remove, CancellationToken cancellationToken)
        {
            bool told = false;
            while (true)
            {
                try
                {
                    await IgnoringGoneAsync(remove());
                    return null;
                }
                catch (EngineException refusal) when (IsInUse(refusal))
                {
                    if (DateTime.UtcNow >= _deadline)
                    {
                        return refusal;
                    }

                    Waiting(what, refusal.Message, ref told);
                    await Task.Delay(Poll, cancellationToken);
                }
            }
        }

        /// <summary>Waits until <paramref name="inspect"/> says the object is not there (a 404); false when the deadline passed first.</summary>
        public async Task<bool> GoneAsync(string what, Func<Task> inspect, CancellationToken cancellationToken)
        {
            bool told = false;
            while (true)
            {
                try
                {
                    await inspect();
                }
                catch (EngineNotFoundException)
                {
                    return true;
                }

                if (DateTime.UtcNow >= _deadline)
                {
                    return false;
                }

                Waiting(what, "its removal waits for the tasks attached to it", ref told);
                await Task.Delay(Poll, cancellationToken);
            }
        }

        /// <summary>Ends the progress bar, if the wait showed one.</summary>
        public void Done()
        {
            if (_shown)
            {
                _output.WriteProgress(new ProgressUpdate(ActivityId, Activity, "Done") { Completed = true });
            }
        }

        /// <summary>Removes, taking "removed meanwhile" for done (see <see cref="IsGone"/>).</summary>
        public static async Task IgnoringGoneAsync(Task removal)
        {
            try
            {
                await removal;
            }
            catch (EngineException gone) when (IsGone(gone))
            {
            }
        }

        private string Activity => $"Removing stack '{_stack}'";

        private void Waiting(string what, string why, ref bool told)
        {
            if (!told)
            {
                told = true;
                _output.WriteVerbose($"The {what} is still in use by the stack's stopping tasks ({why}); waiting for them to stop.");
            }

            _shown = true;
            int left = Math.Max(0, (int)Math.Ceiling((_deadline - DateTime.UtcNow).TotalSeconds));
            _output.WriteProgress(new ProgressUpdate(ActivityId, Activity, $"Waiting for its tasks to stop and let go of the {what}") { SecondsRemaining = left });
        }

        // Removed meanwhile (by another removal of the same stack, or docker stack rm): what was wanted. A swarm network
        // already marked for deletion answers a removal with "network ID not found" as a server error, not a 404: it is
        // going, and GoneAsync waits for it.
        private static bool IsGone(EngineException e) =>
            e is EngineNotFoundException || e.Message.EndsWith(" not found", StringComparison.Ordinal);

        // A secret or config: "is in use by the following service"; a local network: "has active endpoints"; a swarm
        // network of an older engine: "is in use by task".
        private static bool IsInUse(EngineException refusal) =>
            !IsGone(refusal)
            && (refusal.Message.IndexOf("in use", StringComparison.OrdinalIgnoreCase) >= 0
                || refusal.Message.IndexOf("active endpoints", StringComparison.OrdinalIgnoreCase) >= 0);
    }
}

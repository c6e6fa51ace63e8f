namespace Containers.Provisioning.Transactions
{
    /// <summary>
    /// Runs the steps of making a host in order, with one progress record per step. Each step registers the undo of what
    /// it made; when a step fails (or the caller cancels), every registered undo runs, newest first, and the failure is
    /// reported as a <see cref="ProvisioningStepException"/> naming the step. docker-machine left half-made machines
    /// behind; this never does knowingly, and says so when an undo itself fails.
    /// </summary>
    public sealed class ProvisioningTransaction
    {
        /// <summary>Undoing gets its own time, even when the caller cancelled: half-made hosts are worse than a slow Ctrl+C.</summary>
        public static readonly TimeSpan UndoTimeLimit = TimeSpan.FromSeconds(60);

        private readonly string _hostName;
        private readonly IReadOnlyList<ProvisioningStep> _steps;

        public ProvisioningTransaction(string hostName, IReadOnlyList<ProvisioningStep> steps)
        {
            _hostName = hostName;
            _steps = steps ?? throw new ArgumentNullException(nameof(steps));
        }

        public IReadOnlyList<ProvisioningStep> Steps => _steps;

        /// <summary>The progress activity id; nested provisioning (a driver's own progress) can use it as parent.</summary>
        public int ActivityId { get; set; } = 1;

        /// <exception cref="ProvisioningStepException">A step failed; what the earlier ones made was undone.</exception>
        /// <exception cref="OperationCanceledException">Cancelled; what was made was undone.</exception>
        public async Task RunAsync(IProvisioningOutput output, CancellationToken cancellationToken)
        {
            var undo = new List<UndoAction>();
            string activity = $"Creating the host '{_hostName}'";
            for (int i = 0; i < _steps.Count; i++)
            {
                ProvisioningStep step = _steps[i];
                output.WriteProgress(ActivityId, activity, $"Step {i + 1} of {_steps.Count}: {step.Name}", step.WhatItMakes, percentComplete: i * 100 / _steps.Count, completed: false);
                output.WriteVerbose($"{_hostName}: {step.Name}.");
                try
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await step.Run(new StepUndo(undo, step.Name), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    output.WriteProgress(ActivityId, activity, $"Step {i + 1} failed: undoing what was made", currentOperation: null, percentComplete: -1, completed: false);
                    (List<string> undone, List<string> failures) = await UndoAsync(undo, output).ConfigureAwait(false);
                    output.WriteProgress(ActivityId, activity, "Failed", currentOperation: null, percentComplete: -1, completed: true);
                    if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
                    {
                        throw;
                    }

                    throw new ProvisioningStepException(_hostName, step.Name, i + 1, _steps.Count, e, undone, failures);
                }
            }

            output.WriteProgress(ActivityId, activity, "Done", currentOperation: null, percentComplete: 100, completed: true);
        }

        private async Task<(List<string> Undone, List<string> Failures)> UndoAsync(List<UndoAction> actions, IProvisioningOutput output)
        {
            var undone = new List<string>();
            var failures = new List<string>();
            using var limit = new CancellationTokenSource(UndoTimeLimit);
            foreach (UndoAction action in Enumerable.Reverse(actions))
            {
                output.WriteVerbose($"{_hostName}: undoing '{action.Step}': {action.What}.");
                try
                {
                    await action.Run(limit.Token).ConfigureAwait(false);
                    undone.Add(action.What);
                }
                catch (Exception e)
                {
                    // Go on with the rest: each undo takes back its own thing, and the user needs to know about all leftovers.
                    failures.Add($"{action.What} (from '{action.Step}'): {e.Message}");
                    output.WriteWarning($"Could not undo '{action.Step}' of the host '{_hostName}' ({action.What}): {e.Message}");
                }
            }

            return (undone, failures);
        }
    }
}

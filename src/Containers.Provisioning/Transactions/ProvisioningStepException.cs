namespace Containers.Provisioning.Transactions
{
    /// <summary>
    /// A step of making a host failed. <see cref="Exception.InnerException"/> is the step's own error (the driver's
    /// message); what was made before it has been undone, and <see cref="UndoFailures"/> lists what could not be.
    /// </summary>
    public sealed class ProvisioningStepException : Exception
    {
        public ProvisioningStepException(string hostName, string step, int stepNumber, int stepCount, Exception stepError, IReadOnlyList<string> undone, IReadOnlyList<string> undoFailures)
            : base(Describe(hostName, step, stepNumber, stepCount, stepError, undone, undoFailures), stepError)
        {
            HostName = hostName;
            Step = step;
            StepNumber = stepNumber;
            Undone = undone;
            UndoFailures = undoFailures;
        }

        public string HostName { get; }

        /// <summary>The name of the step that failed.</summary>
        public string Step { get; }

        /// <summary>1-based.</summary>
        public int StepNumber { get; }

        /// <summary>What was taken back, in the order it was (the reverse of the making).</summary>
        public IReadOnlyList<string> Undone { get; }

        /// <summary>What could not be taken back, with why: left for the user to clean up.</summary>
        public IReadOnlyList<string> UndoFailures { get; }

        private static string Describe(string hostName, string step, int number, int count, Exception error, IReadOnlyList<string> undone, IReadOnlyList<string> undoFailures)
        {
            string message = $"Creating the host '{hostName}' failed at step {number} of {count}, '{step}': {error.Message}";
            if (undoFailures.Count > 0)
            {
                return message + " Some of what was made could not be undone and is left behind: " + string.Join("; ", undoFailures) + ".";
            }

            return undone.Count > 0 ? message + " What the earlier steps made was undone." : message + " Nothing had been made.";
        }
    }
}

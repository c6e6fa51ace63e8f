using Containers.Output;
using Containers.Provisioning.Transactions;

namespace Containers.Commands.Hosts
{
    /// <summary>
    /// A command's output as the narrow output host provisioning writes to (Provisioning is a floor below Core and cannot
    /// name <see cref="ICommandOutput"/>): progress becomes a <see cref="ProgressUpdate"/>, the rest passes through.
    /// </summary>
    public sealed class ProvisioningOutput : IProvisioningOutput
    {
        private readonly ICommandOutput _output;

        public ProvisioningOutput(ICommandOutput output)
        {
            _output = output ?? throw new ArgumentNullException(nameof(output));
        }

        /// <inheritdoc />
        public void WriteProgress(int activityId, string activity, string status, string? currentOperation, int percentComplete, bool completed) =>
            _output.WriteProgress(new ProgressUpdate(activityId, activity, status) { CurrentOperation = currentOperation, PercentComplete = percentComplete, Completed = completed });

        public void WriteVerbose(string message) => _output.WriteVerbose(message);

        public void WriteWarning(string message) => _output.WriteWarning(message);
    }
}

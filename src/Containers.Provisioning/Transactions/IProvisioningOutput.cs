namespace Containers.Provisioning.Transactions
{
    /// <summary>
    /// What making a host tells its caller as it goes: a progress bar per step, verbose lines, warnings about what could
    /// not be undone. Provisioning sits below Core, so it cannot take Core's ICommandOutput (whose errors, objects and
    /// questions it never needs, and whose record types would have to move down with it): it declares this narrow
    /// interface instead, and Core hands it an adapter over its command output (Commands/Hosts/ProvisioningOutput).
    /// </summary>
    public interface IProvisioningOutput
    {
        /// <summary>One Write-Progress record.</summary>
        /// <param name="activityId">The progress activity's id.</param>
        /// <param name="activity">What is being done.</param>
        /// <param name="status">Where it stands.</param>
        /// <param name="currentOperation">What the current step makes, or null.</param>
        /// <param name="percentComplete">0 to 100, or -1 when unknown.</param>
        /// <param name="completed">True for the record that removes the bar.</param>
        void WriteProgress(int activityId, string activity, string status, string? currentOperation, int percentComplete, bool completed);

        void WriteVerbose(string message);

        void WriteWarning(string message);
    }
}

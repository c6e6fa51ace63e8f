using System.Text.Json;
using Azure.Core;

namespace Containers.Azure.Arm
{
    /// <summary>
    /// Waits for an ARM long-running operation as Azure documents it: when the first answer names an
    /// Azure-AsyncOperation URL, poll it until its status is Succeeded, Failed or Canceled (a failure carries Azure's
    /// error); else, for a 202 with only a Location URL, poll that until it stops answering 202. Between polls it waits
    /// as long as Retry-After says (else the connection's interval); cancellation ends the wait and the request at once.
    /// </summary>
    public static class ArmOperation
    {
        /// <param name="what">What is waited for, as the start of a sentence ("The deployment 'x'", "Starting the VM 'y'").</param>
        /// <exception cref="ArmRequestException">A poll was refused, or the operation failed or was canceled in Azure.</exception>
        public static async Task WaitAsync(ArmConnection connection, ArmReply first, string what, CancellationToken cancellationToken)
        {
            if (first.AsyncOperation != null)
            {
                await PollStatusAsync(connection, new Uri(first.AsyncOperation), first.RetryAfter, what, cancellationToken).ConfigureAwait(false);
            }
            else if (first.Status == 202 && first.Location != null)
            {
                await PollLocationAsync(connection, new Uri(first.Location), first.RetryAfter, what, cancellationToken).ConfigureAwait(false);
            }

            // Otherwise the first answer was the result (200, 201 or 204 with nothing to follow).
        }

        private static async Task PollStatusAsync(ArmConnection connection, Uri operation, TimeSpan? delay, string what, CancellationToken cancellationToken)
        {
            while (true)
            {
                await Task.Delay(delay ?? connection.PollInterval, cancellationToken).ConfigureAwait(false);
                ArmReply reply = await connection.SendAsync(RequestMethod.Get, operation, null, cancellationToken).ConfigureAwait(false);
                if (reply.Status != 200)
                {
                    throw ArmErrors.Failure(reply, $"{what}: polling the operation failed");
                }

                using (JsonDocument document = reply.Json())
                {
                    JsonElement root = document.RootElement;
                    string? status = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status", out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                    if (string.IsNullOrEmpty(status))
                    {
                        // Never loop on an answer that cannot end: Azure always says where the operation is.
                        throw new ArmRequestException($"{what}: the operation's status could not be read from Azure's answer.", reply.Status);
                    }

                    if (string.Equals(status, "Succeeded", StringComparison.OrdinalIgnoreCase))
                    {
                        return;
                    }

                    if (string.Equals(status, "Failed", StringComparison.OrdinalIgnoreCase) || string.Equals(status, "Canceled", StringComparison.OrdinalIgnoreCase))
                    {
                        (string? code, string message) = ArmErrors.ErrorOf(root);
                        throw new ArmRequestException($"{what} {status!.ToLowerInvariant()}: {(message.Length == 0 ? "Azure gave no reason." : message)}", reply.Status, code);
                    }
                }

                // InProgress, Accepted, Running, ...: not there yet.
                delay = reply.RetryAfter;
            }
        }

        private static async Task PollLocationAsync(ArmConnection connection, Uri location, TimeSpan? delay, string what, CancellationToken cancellationToken)
        {
            while (true)
            {
                await Task.Delay(delay ?? connection.PollInterval, cancellationToken).ConfigureAwait(false);
                ArmReply reply = await connection.SendAsync(RequestMethod.Get, location, null, cancellationToken).ConfigureAwait(false);
                if (reply.Status == 200 || reply.Status == 201 || reply.Status == 204)
                {
                    return;
                }

                if (reply.Status != 202)
                {
                    throw ArmErrors.Failure(reply, $"{what} failed");
                }

                delay = reply.RetryAfter;
            }
        }
    }
}

using Containers.Models;
using Containers.Output;

namespace Containers.Commands.Engines
{
    /// <summary>Test-ContainerEngine: true when the engine answers a ping in time; never an error for an engine that does not.</summary>
    public sealed class TestEngineCommand
    {
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

        public async Task<bool> TestAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(Timeout);
            try
            {
                await engine.Client.System.PingAsync(limit.Token);
                return true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                output.WriteVerbose($"The engine at {engine.Uri} did not answer: {e.Message}");
                return false;
            }
        }
    }
}

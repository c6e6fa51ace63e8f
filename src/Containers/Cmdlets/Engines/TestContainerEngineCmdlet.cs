using System.Management.Automation;
using Containers.Commands.Engines;
using Containers.Output;

namespace Containers.PowerShell.Cmdlets.Engines
{
    /// <summary>Test-ContainerEngine: $true when the engine answers, $false when not; never an error for an unreachable engine.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "ContainerEngine")]
    [OutputType(typeof(bool))]
    public sealed class TestContainerEngineCmdlet : ContainersCmdlet
    {
        /// <summary>Seconds to wait for an answer.</summary>
        [Parameter]
        [ValidateRange(1, 300)]
        public int TimeoutSeconds { get; set; } = 5;

        protected override async Task ProcessRecordAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            var test = new TestEngineCommand { Timeout = TimeSpan.FromSeconds(TimeoutSeconds) };
            bool answered;
            try
            {
                answered = await test.TestAsync(SelectEngine(), output, cancellationToken);
            }
            catch (ArgumentException e)
            {
                // Even a DOCKER_HOST that does not parse is a "no" here, not an error.
                output.WriteVerbose(e.Message);
                answered = false;
            }

            output.WriteObject(answered);
        }
    }
}

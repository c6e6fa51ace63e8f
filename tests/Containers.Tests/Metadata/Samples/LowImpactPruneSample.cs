using System.Management.Automation;
using Containers.Models;

namespace Containers.Tests.Metadata.Samples
{
    /// <summary>Wrong on purpose: it prunes (it returns a PruneResult) under a harmless verb, at ConfirmImpact Low, with no -Force to skip its question.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "SamplePrune", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(PruneResult))]
    public sealed class LowImpactPruneSample : PSCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Label { get; set; }
    }
}

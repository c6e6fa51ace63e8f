using System.Management.Automation;

namespace Containers.Tests.Metadata.Samples
{
    /// <summary>Wrong on purpose: a Remove- cmdlet at ConfirmImpact Low, so $ConfirmPreference = 'Medium' would not ask.</summary>
    [Cmdlet(VerbsCommon.Remove, "SampleGadget", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(string))]
    public sealed class LowImpactRemovalSample : PSCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public string Name { get; set; } = string.Empty;
    }
}

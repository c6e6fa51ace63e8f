using System.Management.Automation;

namespace Containers.Tests.Metadata.Samples
{
    /// <summary>Wrong on purpose: ConfirmImpact High prompts by default, and there is no -Force to get past it.</summary>
    [Cmdlet(VerbsCommon.Remove, "SampleWidget", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(string))]
    public sealed class HighImpactWithoutForceSample : PSCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public string Name { get; set; } = string.Empty;
    }
}

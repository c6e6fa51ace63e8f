using System.Management.Automation;
using Containers.Models;

namespace Containers.Tests.Metadata.Samples
{
    /// <summary>Wrong on purpose: -Force exists, but only where it removes by name; the prune set has none to skip its question.</summary>
    [Cmdlet(VerbsCommon.Remove, "SampleCache", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "Name")]
    [OutputType(typeof(PruneResult), ParameterSetName = new[] { "Unused" })]
    public sealed class PruneSetWithoutForceSample : PSCmdlet
    {
        [Parameter(Mandatory = true, ParameterSetName = "Name")]
        public string Name { get; set; } = string.Empty;

        [Parameter(ParameterSetName = "Name")]
        public SwitchParameter Force { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = "Unused")]
        public SwitchParameter Unused { get; set; }
    }
}

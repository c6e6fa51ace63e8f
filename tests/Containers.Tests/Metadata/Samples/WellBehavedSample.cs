using System.Management.Automation;

namespace Containers.Tests.Metadata.Samples
{
    /// <summary>
    /// Right: destructive at ConfirmImpact Medium, a PSCredential with [Credential], and a ShouldContinue that -Force
    /// skips. Every signature rule must pass it, so the rules are not simply flagging everything.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "SampleThing", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(string))]
    public sealed class WellBehavedSample : PSCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public string Name { get; set; } = string.Empty;

        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            if (ShouldProcess(Name) && (Force || ShouldContinue("Remove " + Name + " and everything in it?", "Removing")))
            {
                WriteObject(Name);
            }
        }
    }
}

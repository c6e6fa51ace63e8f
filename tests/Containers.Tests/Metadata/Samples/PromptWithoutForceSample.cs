using System.Management.Automation;

namespace Containers.Tests.Metadata.Samples
{
    /// <summary>Wrong on purpose: asks ShouldContinue (from a lambda, as real code might) with no -Force to skip the question.</summary>
    [Cmdlet(VerbsCommon.Set, "SampleSetting", SupportsShouldProcess = true)]
    [OutputType(typeof(string))]
    public sealed class PromptWithoutForceSample : PSCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public string Name { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            Func<bool> ask = () => ShouldContinue("Really?", "Changing " + Name);
            if (ShouldProcess(Name) && ask())
            {
                WriteObject(Name);
            }
        }
    }
}

using System.Management.Automation;

namespace Containers.Tests.Metadata.Samples
{
    /// <summary>Wrong on purpose: a parameter and an alias that take common parameters' names.</summary>
    [Cmdlet(VerbsCommon.Get, "SampleClash")]
    [OutputType(typeof(string))]
    public sealed class CommonNameClashSample : PSCmdlet
    {
        [Parameter(ValueFromPipeline = true)]
        public string? Name { get; set; }

        [Parameter]
        public SwitchParameter UseTransaction { get; set; }

        [Parameter]
        [Alias("ea")]
        public string? Mode { get; set; }
    }
}

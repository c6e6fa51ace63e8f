using Containers.Commands.Images;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Images
{
    /// <summary>A build's output text, cut wherever the engine cut it, as whole tagged lines; its steps as progress.</summary>
    public class BuildOutputTests
    {
        [Fact]
        public void Text_split_anywhere_becomes_whole_lines_and_an_unfinished_line_is_written_at_the_end()
        {
            var output = new RecordingOutput();
            var lines = new BuildOutput(output, 1, "Building app");
            lines.Write("Step 1/2 : FROM base\n ---> 0123");
            lines.Write("456789ab\r\nStep 2/2 : RUN make\n");
            lines.Write("compiling");
            lines.Write("...\n\nlast words");
            lines.Complete();
            lines.Complete();

            Assert.Equal(new[] { "Step 1/2 : FROM base", " ---> 0123456789ab", "Step 2/2 : RUN make", "compiling...", "", "last words" }, output.Information);
            Assert.All(output.TaggedInformation, line => Assert.Equal(new[] { BuildOutput.InformationTag }, line.Tags));
            Assert.Equal(new[] { (0, false), (50, false), (-1, true) }, output.Progress.Select(u => (u.PercentComplete, u.Completed)));
            Assert.Equal("Step 2/2 : RUN make", output.Progress[1].Status);
        }

        [Fact]
        public void Output_without_steps_puts_up_no_bar()
        {
            var output = new RecordingOutput();
            var lines = new BuildOutput(output, 1, "Building app");
            lines.Write("just a line\n");
            lines.Complete();
            Assert.Empty(output.Progress);
            Assert.Equal(new[] { "just a line" }, output.Information);
        }
    }
}

using System.Text;
using Containers.Commands.Interactive;
using Containers.Errors;
using Xunit;

namespace Containers.Tests.Core.Commands.Interactive
{
    public class DetachKeysTests
    {
        [Theory]
        [InlineData("ctrl-p,ctrl-q", "ctrl-p,ctrl-q", new byte[] { 0x10, 0x11 })]
        [InlineData(" CTRL-A , d ", "ctrl-a,d", new byte[] { 0x01, (byte)'d' })]
        [InlineData("ctrl-@,ctrl-[,ctrl-\\,ctrl-],ctrl-^,ctrl-_", "ctrl-@,ctrl-[,ctrl-\\,ctrl-],ctrl-^,ctrl-_", new byte[] { 0, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f })]
        [InlineData("x", "x", new byte[] { (byte)'x' })]
        public void Docker_notation_is_read_and_normalised_for_the_engine(string text, string sent, byte[] sequence)
        {
            DetachKeys keys = DetachKeys.Parse(text);
            Assert.Equal(sent, keys.Text);
            Assert.Equal(sequence, keys.Sequence.ToArray());
        }

        [Theory]
        [InlineData("")]
        [InlineData("ctrl-1")]
        [InlineData("ctrl-")]
        [InlineData("alt-x")]
        [InlineData("ctrl-p,,ctrl-q")]
        [InlineData("é")]
        public void Anything_else_is_an_argument_error(string text)
        {
            var invalid = Assert.Throws<InvalidParameterException>(() => DetachKeys.Parse(text));
            Assert.Equal("DetachKeys", invalid.ParamName);
        }

        [Fact]
        public void The_sequence_is_seen_across_reads_and_only_in_a_row()
        {
            DetachKeys keys = DetachKeys.Default;
            Assert.False(keys.Observe(new byte[] { 0x10 }, 1));
            Assert.True(keys.Observe(new byte[] { 0x11, (byte)'z' }, 1));
            Assert.False(keys.Observe(Encoding.ASCII.GetBytes("\x10x\x11"), 3));
            Assert.True(keys.Observe(new byte[] { 0x10, 0x10, 0x11 }, 3));
            Assert.False(keys.Observe(new byte[] { 0x10, 0x11 }, 1)); // only the counted bytes
        }
    }
}

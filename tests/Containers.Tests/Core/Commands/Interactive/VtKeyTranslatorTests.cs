using System.Text;
using Containers.Commands.Interactive;
using Xunit;

namespace Containers.Tests.Core.Commands.Interactive
{
    public class VtKeyTranslatorTests
    {
        private static string Send(ConsoleKey key, char c = '\0', bool shift = false, bool alt = false, bool control = false) =>
            Encoding.UTF8.GetString(new VtKeyTranslator().Translate(new ConsoleKeyInfo(c, key, shift, alt, control)));

        [Theory]
        [InlineData(ConsoleKey.UpArrow, "\x1b[A")]
        [InlineData(ConsoleKey.DownArrow, "\x1b[B")]
        [InlineData(ConsoleKey.RightArrow, "\x1b[C")]
        [InlineData(ConsoleKey.LeftArrow, "\x1b[D")]
        [InlineData(ConsoleKey.Home, "\x1b[H")]
        [InlineData(ConsoleKey.End, "\x1b[F")]
        [InlineData(ConsoleKey.Insert, "\x1b[2~")]
        [InlineData(ConsoleKey.Delete, "\x1b[3~")]
        [InlineData(ConsoleKey.PageUp, "\x1b[5~")]
        [InlineData(ConsoleKey.PageDown, "\x1b[6~")]
        [InlineData(ConsoleKey.F1, "\x1bOP")]
        [InlineData(ConsoleKey.F4, "\x1bOS")]
        [InlineData(ConsoleKey.F5, "\x1b[15~")]
        [InlineData(ConsoleKey.F12, "\x1b[24~")]
        [InlineData(ConsoleKey.Escape, "\x1b")]
        public void Navigation_and_function_keys_send_xterm_sequences(ConsoleKey key, string expected) =>
            Assert.Equal(expected, Send(key));

        [Fact]
        public void Enter_Backspace_and_Tab_send_what_a_terminal_sends()
        {
            Assert.Equal("\r", Send(ConsoleKey.Enter, '\r'));
            Assert.Equal("\x7f", Send(ConsoleKey.Backspace, '\b'));
            Assert.Equal("\x08", Send(ConsoleKey.Backspace, '\b', control: true));
            Assert.Equal("\t", Send(ConsoleKey.Tab, '\t'));
            Assert.Equal("\x1b[Z", Send(ConsoleKey.Tab, '\t', shift: true));
        }

        [Theory]
        [InlineData(ConsoleKey.A, '\x01', "\x01")]
        [InlineData(ConsoleKey.C, '\x03', "\x03")]
        [InlineData(ConsoleKey.C, 'c', "\x03")] // consoles that report the letter rather than the control character
        [InlineData(ConsoleKey.D, '\0', "\x04")]
        [InlineData(ConsoleKey.P, '\x10', "\x10")]
        [InlineData(ConsoleKey.Q, '\x11', "\x11")]
        [InlineData(ConsoleKey.Z, '\x1a', "\x1a")]
        [InlineData(ConsoleKey.Spacebar, ' ', "\0")]
        [InlineData(ConsoleKey.Oem4, '[', "\x1b")]
        [InlineData(ConsoleKey.Oem6, ']', "\x1d")]
        public void Control_keys_send_control_characters(ConsoleKey key, char c, string expected) =>
            Assert.Equal(expected, Send(key, c, control: true));

        [Fact]
        public void Modifiers_on_cursor_keys_use_the_xterm_parameter()
        {
            Assert.Equal("\x1b[1;5C", Send(ConsoleKey.RightArrow, control: true));
            Assert.Equal("\x1b[1;2A", Send(ConsoleKey.UpArrow, shift: true));
            Assert.Equal("\x1b[1;3D", Send(ConsoleKey.LeftArrow, alt: true));
            Assert.Equal("\x1b[3;5~", Send(ConsoleKey.Delete, control: true));
        }

        [Fact]
        public void Alt_sends_escape_first_and_AltGr_sends_its_character()
        {
            Assert.Equal("\x1b" + "b", Send(ConsoleKey.B, 'b', alt: true));
            Assert.Equal("\x1b\x01", Send(ConsoleKey.A, '\0', alt: true, control: true));
            Assert.Equal("@", Send(ConsoleKey.Q, '@', alt: true, control: true)); // German AltGr+Q
        }

        [Fact]
        public void Characters_go_out_as_UTF8_and_surrogate_pairs_are_joined()
        {
            Assert.Equal("a", Send(ConsoleKey.A, 'a'));
            Assert.Equal("A", Send(ConsoleKey.A, 'A', shift: true));
            Assert.Equal("é", Send(ConsoleKey.E, 'é'));

            var translator = new VtKeyTranslator();
            string emoji = "\U0001F600";
            Assert.Empty(translator.Translate(new ConsoleKeyInfo(emoji[0], 0, false, false, false)));
            byte[] bytes = translator.Translate(new ConsoleKeyInfo(emoji[1], 0, false, false, false));
            Assert.Equal(Encoding.UTF8.GetBytes(emoji), bytes);
            Assert.Empty(translator.Translate(new ConsoleKeyInfo(emoji[1], 0, false, false, false))); // a lone half is dropped
        }

        [Fact]
        public void Keys_without_a_character_or_sequence_send_nothing()
        {
            Assert.Empty(new VtKeyTranslator().Translate(new ConsoleKeyInfo('\0', ConsoleKey.F24 + 1, false, false, false)).ToArray());
            Assert.Empty(new VtKeyTranslator().Translate(new ConsoleKeyInfo('\0', ConsoleKey.LeftWindows, false, false, false)));
        }
    }
}

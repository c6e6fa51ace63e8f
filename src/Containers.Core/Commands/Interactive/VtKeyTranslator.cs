using System.Text;

namespace Containers.Commands.Interactive
{
    /// <summary>
    /// Turns the keys Console.ReadKey reports back into the bytes an xterm-compatible terminal sends for them (normal
    /// cursor-key mode, which is what shells and readline expect by default): arrows ESC [ A..D, Home ESC [ H, End
    /// ESC [ F, Delete ESC [ 3 ~, Enter CR, Backspace DEL (0x7f), Ctrl+letter 0x01..0x1a, Alt+key ESC then the key.
    /// Characters go out as UTF-8; a surrogate pair arrives as two keys and is held until its second half comes.
    /// </summary>
    public sealed class VtKeyTranslator
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);
        private static readonly byte[] None = new byte[0];

        private char? _highSurrogate;

        public byte[] Translate(ConsoleKeyInfo key)
        {
            bool shift = (key.Modifiers & ConsoleModifiers.Shift) != 0;
            bool alt = (key.Modifiers & ConsoleModifiers.Alt) != 0;
            bool control = (key.Modifiers & ConsoleModifiers.Control) != 0;

            string? special = Special(key.Key, shift, alt, control);
            if (special != null)
            {
                _highSurrogate = null;
                return Ascii(special);
            }

            // Windows reports AltGr as Ctrl+Alt with the character it produced ('@' on a German AltGr+Q): that is text.
            bool altGr = control && alt && key.KeyChar >= ' ';
            if (altGr)
            {
                return Plain(key, control: false);
            }

            byte[] plain = Plain(key, control);
            // Alt (Meta) sends ESC before the key, as xterm does with metaSendsEscape.
            return alt && plain.Length > 0 ? Prefix(0x1b, plain) : plain;
        }

        // Keys whose sequence does not depend on the character the keyboard layout produced.
        private static string? Special(ConsoleKey key, bool shift, bool alt, bool control)
        {
            int modifier = 1 + (shift ? 1 : 0) + (alt ? 2 : 0) + (control ? 4 : 0);
            switch (key)
            {
                case ConsoleKey.UpArrow: return Cursor('A', modifier);
                case ConsoleKey.DownArrow: return Cursor('B', modifier);
                case ConsoleKey.RightArrow: return Cursor('C', modifier);
                case ConsoleKey.LeftArrow: return Cursor('D', modifier);
                case ConsoleKey.Home: return Cursor('H', modifier);
                case ConsoleKey.End: return Cursor('F', modifier);
                case ConsoleKey.Insert: return Tilde(2, modifier);
                case ConsoleKey.Delete: return Tilde(3, modifier);
                case ConsoleKey.PageUp: return Tilde(5, modifier);
                case ConsoleKey.PageDown: return Tilde(6, modifier);
                case ConsoleKey.F1: return Function('P', modifier);
                case ConsoleKey.F2: return Function('Q', modifier);
                case ConsoleKey.F3: return Function('R', modifier);
                case ConsoleKey.F4: return Function('S', modifier);
                case ConsoleKey.F5: return Tilde(15, modifier);
                case ConsoleKey.F6: return Tilde(17, modifier);
                case ConsoleKey.F7: return Tilde(18, modifier);
                case ConsoleKey.F8: return Tilde(19, modifier);
                case ConsoleKey.F9: return Tilde(20, modifier);
                case ConsoleKey.F10: return Tilde(21, modifier);
                case ConsoleKey.F11: return Tilde(23, modifier);
                case ConsoleKey.F12: return Tilde(24, modifier);
                case ConsoleKey.Enter: return alt ? "\x1b\r" : "\r";
                case ConsoleKey.Backspace: return (alt ? "\x1b" : string.Empty) + (control ? "\x08" : "\x7f");
                case ConsoleKey.Tab: return shift ? "\x1b[Z" : alt ? "\x1b\t" : "\t";
                case ConsoleKey.Escape: return "\x1b";
                default: return null;
            }
        }

        private byte[] Plain(ConsoleKeyInfo key, bool control)
        {
            if (control)
            {
                byte? controlByte = ControlByte(key);
                if (controlByte.HasValue)
                {
                    _highSurrogate = null;
                    return new[] { controlByte.Value };
                }
            }

            char c = key.KeyChar;
            if (c == '\0')
            {
                return None;
            }

            if (char.IsHighSurrogate(c))
            {
                _highSurrogate = c;
                return None;
            }

            if (char.IsLowSurrogate(c))
            {
                char? high = _highSurrogate;
                _highSurrogate = null;
                return high.HasValue ? Utf8.GetBytes(new[] { high.Value, c }) : None;
            }

            _highSurrogate = null;
            return Utf8.GetBytes(new[] { c });
        }

        // Ctrl+letter and the few punctuation keys that have a control code. Consoles differ in whether KeyChar already
        // holds the control character, so the key decides where it can.
        private static byte? ControlByte(ConsoleKeyInfo key)
        {
            if (key.Key >= ConsoleKey.A && key.Key <= ConsoleKey.Z)
            {
                return (byte)(key.Key - ConsoleKey.A + 1);
            }

            switch (key.KeyChar)
            {
                case ' ':
                case '@':
                case '2':
                    return 0x00;
                case '[':
                case '3':
                    return 0x1b;
                case '\\':
                case '4':
                    return 0x1c;
                case ']':
                case '5':
                    return 0x1d;
                case '^':
                case '6':
                    return 0x1e;
                case '_':
                case '-':
                case '/':
                case '7':
                    return 0x1f;
            }

            if (key.Key == ConsoleKey.Spacebar)
            {
                return 0x00;
            }

            // Already a control character (Unix consoles report Ctrl+letter that way).
            return key.KeyChar > '\0' && key.KeyChar < ' ' ? (byte)key.KeyChar : (byte?)null;
        }

        private static string Cursor(char final, int modifier) => modifier == 1 ? "\x1b[" + final : "\x1b[1;" + modifier + final;

        private static string Function(char final, int modifier) => modifier == 1 ? "\x1bO" + final : "\x1b[1;" + modifier + final;

        private static string Tilde(int code, int modifier) => modifier == 1 ? "\x1b[" + code + "~" : "\x1b[" + code + ";" + modifier + "~";

        private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

        private static byte[] Prefix(byte first, byte[] rest)
        {
            var bytes = new byte[rest.Length + 1];
            bytes[0] = first;
            Buffer.BlockCopy(rest, 0, bytes, 1, rest.Length);
            return bytes;
        }
    }
}

using Containers.Errors;

namespace Containers.Commands.Interactive
{
    /// <summary>
    /// The key sequence that leaves a session without ending the process, in docker's notation: comma-separated keys,
    /// each a single character or <c>ctrl-X</c> (X a letter or one of <c>@ [ \ ] ^ _</c>). The default, as docker's, is
    /// <c>ctrl-p,ctrl-q</c>. Parsed here, before anything is created, so a typo is an argument error and not an engine one.
    /// </summary>
    public sealed class DetachKeys
    {
        public const string DefaultText = "ctrl-p,ctrl-q";

        private readonly byte[] _sequence;
        private int _matched;

        private DetachKeys(string text, byte[] sequence)
        {
            Text = text;
            _sequence = sequence;
        }

        public static DetachKeys Default => Parse(DefaultText);

        /// <summary>In the engine's notation (what it is sent).</summary>
        public string Text { get; }

        /// <summary>The bytes the keys send.</summary>
        public IReadOnlyList<byte> Sequence => _sequence;

        public static DetachKeys Parse(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new InvalidParameterException("DetachKeys", text, "-DetachKeys is empty. Give keys as docker does, for example 'ctrl-p,ctrl-q' or 'ctrl-a,d'.");
            }

            var bytes = new List<byte>();
            var keys = new List<string>();
            foreach (string part in text!.Split(','))
            {
                string key = part.Trim();
                bytes.Add(ParseKey(key, text));
                keys.Add(key.Length == 1 ? key : key.ToLowerInvariant());
            }

            // The engine reads the same notation but neither trims spaces nor takes upper-case CTRL-.
            return new DetachKeys(string.Join(",", keys), bytes.ToArray());
        }

        /// <summary>
        /// Follows the typed input; true once the whole sequence has been typed in a row. The engine detaches by itself
        /// on these keys; knowing it here tells a detach from an exit without waiting for the process.
        /// </summary>
        public bool Observe(byte[] input, int count)
        {
            bool completed = false;
            for (int i = 0; i < count; i++)
            {
                if (input[i] == _sequence[_matched])
                {
                    _matched++;
                }
                else
                {
                    _matched = input[i] == _sequence[0] ? 1 : 0;
                }

                if (_matched == _sequence.Length)
                {
                    completed = true;
                    _matched = 0;
                }
            }

            return completed;
        }

        private static byte ParseKey(string key, string whole)
        {
            if (key.Length == 1)
            {
                return key[0] < 0x80 ? (byte)key[0] : throw Invalid(whole, $"'{key}' is not an ASCII character");
            }

            if (key.StartsWith("ctrl-", StringComparison.OrdinalIgnoreCase) && key.Length == 6)
            {
                char c = char.ToLowerInvariant(key[5]);
                if (c >= 'a' && c <= 'z')
                {
                    return (byte)(c - 'a' + 1);
                }

                switch (c)
                {
                    case '@': return 0x00;
                    case '[': return 0x1b;
                    case '\\': return 0x1c;
                    case ']': return 0x1d;
                    case '^': return 0x1e;
                    case '_': return 0x1f;
                }
            }

            throw Invalid(whole, $"'{key}' is neither one character nor ctrl- followed by a letter or one of @ [ \\ ] ^ _");
        }

        private static InvalidParameterException Invalid(string whole, string reason) =>
            new InvalidParameterException("DetachKeys", whole, $"-DetachKeys '{whole}' is not valid: {reason}. Example: 'ctrl-p,ctrl-q'.");
    }
}

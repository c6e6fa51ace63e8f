using System.Globalization;
using System.Text;

namespace Containers.Engine.Http
{
    /// <summary>Query parameters in the order they were added, percent-encoded as RFC 3986 wants.</summary>
    public sealed class QueryString
    {
        private readonly List<KeyValuePair<string, string>> _pairs = new List<KeyValuePair<string, string>>();

        public bool IsEmpty => _pairs.Count == 0;

        public QueryString Add(string name, string? value)
        {
            if (value != null)
            {
                _pairs.Add(new KeyValuePair<string, string>(name, value));
            }

            return this;
        }

        public QueryString Add(string name, bool value) => Add(name, value ? "1" : "0");

        /// <summary>Adds the flag only when it is set, as the docker CLI does: the engine treats absence as false.</summary>
        public QueryString AddFlag(string name, bool value) => value ? Add(name, "1") : this;

        public QueryString Add(string name, long? value) => value.HasValue ? Add(name, value.Value.ToString(CultureInfo.InvariantCulture)) : this;

        public override string ToString()
        {
            if (_pairs.Count == 0)
            {
                return string.Empty;
            }

            var text = new StringBuilder();
            foreach (KeyValuePair<string, string> pair in _pairs)
            {
                text.Append(text.Length == 0 ? '?' : '&');
                text.Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
            }

            return text.ToString();
        }
    }
}

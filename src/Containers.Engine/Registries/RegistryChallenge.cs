using System.Text;

namespace Containers.Engine.Registries
{
    /// <summary>
    /// One <c>WWW-Authenticate</c> challenge of a registry's 401: the scheme (<c>Basic</c>, <c>Bearer</c>) and its
    /// parameters, such as <c>Bearer realm="https://auth.example/token",service="registry.example"</c>.
    /// </summary>
    internal sealed class RegistryChallenge
    {
        private readonly Dictionary<string, string> _parameters;

        private RegistryChallenge(string scheme, Dictionary<string, string> parameters)
        {
            Scheme = scheme;
            _parameters = parameters;
        }

        public string Scheme { get; }

        public bool Is(string scheme) => string.Equals(Scheme, scheme, StringComparison.OrdinalIgnoreCase);

        /// <summary>A parameter's value (names match in any case); null when absent.</summary>
        public string? this[string name] => _parameters.TryGetValue(name, out string? value) ? value : null;

        /// <summary>Every challenge of the response, one per header, as the registry sent them.</summary>
        public static List<RegistryChallenge> ReadAll(HttpResponseMessage response)
        {
            var challenges = new List<RegistryChallenge>();
            if (response.Headers.TryGetValues("WWW-Authenticate", out IEnumerable<string>? values))
            {
                foreach (string value in values)
                {
                    RegistryChallenge? challenge = Parse(value);
                    if (challenge != null)
                    {
                        challenges.Add(challenge);
                    }
                }
            }

            return challenges;
        }

        public static RegistryChallenge? Parse(string header)
        {
            string text = header.Trim();
            if (text.Length == 0)
            {
                return null;
            }

            int space = text.IndexOf(' ');
            string scheme = space < 0 ? text : text.Substring(0, space);
            var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            int i = space < 0 ? text.Length : space + 1;
            while (i < text.Length)
            {
                while (i < text.Length && (text[i] == ' ' || text[i] == ','))
                {
                    i++;
                }

                int equals = text.IndexOf('=', i);
                if (equals < 0)
                {
                    break;
                }

                string name = text.Substring(i, equals - i).Trim();
                i = equals + 1;
                var value = new StringBuilder();
                bool quoted = i < text.Length && text[i] == '"';
                if (quoted)
                {
                    for (i++; i < text.Length && text[i] != '"'; i++)
                    {
                        if (text[i] == '\\' && i + 1 < text.Length)
                        {
                            i++;
                        }

                        value.Append(text[i]);
                    }

                    i++;
                }
                else
                {
                    for (; i < text.Length && text[i] != ','; i++)
                    {
                        value.Append(text[i]);
                    }
                }

                if (name.Length > 0)
                {
                    parameters[name] = quoted ? value.ToString() : value.ToString().Trim();
                }
            }

            return new RegistryChallenge(scheme, parameters);
        }
    }
}

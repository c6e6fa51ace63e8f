using System.Collections;
using System.Globalization;
using Containers.Errors;
using Containers.Text;

namespace Containers.Parsing
{
    /// <summary>
    /// A hashtable of names and text values (environment variables, labels, options), read in a stable order with every
    /// name checked. Values may be any scalar; $null becomes the empty string; a list or table as a value is refused,
    /// since the engine could only store it as the type name.
    /// </summary>
    public static class KeyValueTable
    {
        public static IReadOnlyList<KeyValuePair<string, string>> Read(IDictionary? table, string parameterName, string what, Func<string, string?>? checkName = null)
        {
            var pairs = new List<KeyValuePair<string, string>>();
            if (table == null)
            {
                return pairs;
            }

            foreach (DictionaryEntry entry in table)
            {
                string name = Convert.ToString(PlainValues.Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty;
                if (name.Trim().Length == 0)
                {
                    throw new InvalidParameterException(parameterName, entry.Key, $"A {what} name given to -{parameterName} is empty.");
                }

                string? problem = checkName?.Invoke(name);
                if (problem != null)
                {
                    throw new InvalidParameterException(parameterName, name, $"The {what} name '{name}' given to -{parameterName} is not valid: {problem}.");
                }

                object? value = PlainValues.Unwrap(entry.Value);
                if (value is IEnumerable && !(value is string))
                {
                    throw new InvalidParameterException(parameterName, name, $"The {what} '{name}' given to -{parameterName} has a list or table as its value; give text.");
                }

                pairs.Add(new KeyValuePair<string, string>(name, string.Join(string.Empty, PlainValues.ToStrings(value))));
            }

            // Hashtables have no order; sorting makes the request (and what a user compares) the same every time.
            return pairs.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        }

        /// <summary>
        /// A name check for tables the engine or docker's own syntax reads as NAME=value (environment variables, labels,
        /// build arguments): a name with '=' would be split at the wrong place, or could never be given to docker.
        /// </summary>
        public static string? EqualsInName(string name) => name.IndexOf('=') >= 0 ? "it contains '='" : null;
    }
}

using System.Collections;
using System.Globalization;
using Containers.Parsing;
using Containers.Text;

namespace Containers.Commands.Images
{
    /// <summary>
    /// -BuildArg @{ NAME = 'value' } as the engine's <c>buildargs</c>. A $null value is sent as JSON null, which leaves the
    /// Dockerfile's own ARG default in force (what <c>--build-arg NAME</c> does when NAME is not set in the environment).
    /// </summary>
    internal static class BuildArgumentTable
    {
        public static IReadOnlyList<KeyValuePair<string, string?>> Read(IDictionary? table, string parameterName)
        {
            var pairs = new List<KeyValuePair<string, string?>>();
            if (table == null)
            {
                return pairs;
            }

            var unset = new HashSet<string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in table)
            {
                if (PlainValues.Unwrap(entry.Value) == null)
                {
                    unset.Add(Convert.ToString(PlainValues.Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty);
                }
            }

            // Names and values checked (and sorted) as every other hashtable parameter's are; a name with '=' as -Environment's.
            foreach (KeyValuePair<string, string> pair in KeyValueTable.Read(table, parameterName, "build argument", KeyValueTable.EqualsInName))
            {
                pairs.Add(new KeyValuePair<string, string?>(pair.Key, unset.Contains(pair.Key) ? null : pair.Value));
            }

            return pairs;
        }
    }
}

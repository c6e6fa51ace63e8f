using System.Collections;
using Containers.Engine.Endpoints;
using Containers.Errors;
using Containers.Text;

namespace Containers.Parsing
{
    /// <summary>-Filter and -Label as the engine's filters, checked before anything is sent.</summary>
    public static class FilterArguments
    {
        /// <summary>-Filter: the engine's filters as a hashtable, each value one string or several.</summary>
        /// <exception cref="InvalidParameterException">A filter name is empty.</exception>
        public static void AddTable(Filters filters, IDictionary? table)
        {
            if (table == null)
            {
                return;
            }

            foreach (DictionaryEntry entry in table)
            {
                string key = entry.Key?.ToString() ?? string.Empty;
                if (key.Length == 0)
                {
                    throw new InvalidParameterException("Filter", entry.Key, "A filter name is empty.");
                }

                filters.AddRange(key, PlainValues.ToStrings(entry.Value));
            }
        }

        /// <summary>-Label: KEY or KEY=VALUE, each one a label filter (all must match).</summary>
        /// <exception cref="InvalidParameterException">A label is empty or has no key.</exception>
        public static void AddLabels(Filters filters, IEnumerable<string>? labels)
        {
            foreach (string label in labels ?? Array.Empty<string>())
            {
                if (string.IsNullOrWhiteSpace(label) || label.StartsWith("=", StringComparison.Ordinal))
                {
                    throw new InvalidParameterException("Label", label, $"The label filter '{label}' is not valid: use KEY or KEY=VALUE.");
                }

                filters.Add("label", label);
            }
        }
    }
}

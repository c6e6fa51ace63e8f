using System.Collections;

namespace Containers.Parsing
{
    /// <summary>@{ key = 'value' } as the engine's label map; a key with '=' is refused, as docker's --label key=value could not give it.</summary>
    public static class LabelConverter
    {
        public static Dictionary<string, string>? ToLabels(IDictionary? table, string parameterName = "Label")
        {
            if (table == null)
            {
                return null;
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, string> pair in KeyValueTable.Read(table, parameterName, "label", KeyValueTable.EqualsInName))
            {
                labels[pair.Key] = pair.Value;
            }

            return labels;
        }
    }
}

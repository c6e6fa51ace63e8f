using System;
using System.Collections;
using System.Collections.Generic;

namespace Containers.Parsing
{
    /// <summary>@{ key = 'value' } as the engine's label map.</summary>
    public static class LabelConverter
    {
        public static Dictionary<string, string>? ToLabels(IDictionary? table, string parameterName = "Label")
        {
            if (table == null)
            {
                return null;
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, string> pair in KeyValueTable.Read(table, parameterName, "label"))
            {
                labels[pair.Key] = pair.Value;
            }

            return labels;
        }
    }
}

using System.Collections;

namespace Containers.Parsing
{
    /// <summary>@{ NAME = 'value' } as the engine's NAME=value list, for containers and exec alike.</summary>
    public static class EnvironmentConverter
    {
        public static List<string>? ToEntries(IDictionary? table, string parameterName = "Environment")
        {
            if (table == null)
            {
                return null;
            }

            return KeyValueTable.Read(table, parameterName, "environment variable", CheckName)
                .Select(pair => pair.Key + "=" + pair.Value)
                .ToList();
        }

        // A name with '=' would be split by the engine at the wrong place; whitespace and control characters are almost
        // always a paste accident, and no shell could read such a variable.
        private static string? CheckName(string name)
        {
            string? equals = KeyValueTable.EqualsInName(name);
            if (equals != null)
            {
                return equals;
            }

            foreach (char c in name)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    return "it contains whitespace or a control character";
                }
            }

            return null;
        }
    }
}

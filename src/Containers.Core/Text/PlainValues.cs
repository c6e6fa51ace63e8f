using System.Collections;
using System.Globalization;
using System.Reflection;

namespace Containers.Text
{
    /// <summary>
    /// Values as PowerShell hands them over: possibly wrapped in a PSObject, possibly arrays. Read without referencing
    /// PowerShell, by the wrapper's BaseObject property.
    /// </summary>
    public static class PlainValues
    {
        public static object? Unwrap(object? value)
        {
            while (value != null && value.GetType().FullName == "System.Management.Automation.PSObject")
            {
                PropertyInfo? baseObject = value.GetType().GetProperty("BaseObject");
                object? inner = baseObject?.GetValue(value);
                if (inner == null || ReferenceEquals(inner, value))
                {
                    break;
                }

                value = inner;
            }

            return value;
        }

        /// <summary>A scalar as one string, a list as several; booleans in the engine's lower case.</summary>
        public static IEnumerable<string> ToStrings(object? value)
        {
            value = Unwrap(value);
            if (value == null)
            {
                yield break;
            }

            if (value is string text)
            {
                yield return text;
                yield break;
            }

            if (value is IEnumerable list)
            {
                foreach (object? item in list)
                {
                    foreach (string inner in ToStrings(item))
                    {
                        yield return inner;
                    }
                }

                yield break;
            }

            yield return value is bool flag ? (flag ? "true" : "false") : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        }
    }
}

using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Containers.Errors;
using Containers.Text;

namespace Containers.Parsing
{
    /// <summary>
    /// The raw -Configuration escape hatch: a hashtable (nested as deep as needed), a PSCustomObject, or JSON text, as a
    /// JSON object in the engine's create-request shape. Property names are kept as written; the merge matches them
    /// without regard to case, as the engine does.
    /// </summary>
    public static class ConfigurationConverter
    {
        private const int MaximumDepth = 32;

        public static JsonObject? ToJsonObject(object? value, string parameterName = "Configuration")
        {
            object? plain = PlainValues.Unwrap(value);
            if (plain == null)
            {
                return null;
            }

            JsonNode? node;
            if (plain is string text)
            {
                try
                {
                    node = JsonNode.Parse(text);
                }
                catch (JsonException e)
                {
                    throw new InvalidParameterException(parameterName, value, $"The -{parameterName} text is not valid JSON: {e.Message}");
                }
            }
            else
            {
                node = ToNode(value, parameterName, 0);
            }

            return node as JsonObject
                ?? throw new InvalidParameterException(parameterName, value, $"-{parameterName} must be a hashtable or a JSON object such as @{{ HostConfig = @{{ CapAdd = @('NET_ADMIN') }} }}.");
        }

        private static JsonNode? ToNode(object? value, string parameterName, int depth)
        {
            if (depth > MaximumDepth)
            {
                throw new InvalidParameterException(parameterName, null, $"-{parameterName} is nested more than {MaximumDepth} levels deep (does it refer to itself?).");
            }

            if (TryReadCustomObject(value, parameterName, depth, out JsonObject? custom))
            {
                return custom;
            }

            object? plain = PlainValues.Unwrap(value);
            switch (plain)
            {
                case null:
                    return null;
                case string text:
                    return JsonValue.Create(text);
                case bool flag:
                    return JsonValue.Create(flag);
                case int _:
                case long _:
                case short _:
                case byte _:
                case uint _:
                case ushort _:
                case sbyte _:
                    return JsonValue.Create(Convert.ToInt64(plain, CultureInfo.InvariantCulture));
                case ulong big:
                    return JsonValue.Create(big);
                case double _:
                case float _:
                case decimal _:
                    return JsonValue.Create(Convert.ToDecimal(plain, CultureInfo.InvariantCulture));
                case DateTime time:
                    return JsonValue.Create(time.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture));
                case IDictionary table:
                    var result = new JsonObject();
                    foreach (DictionaryEntry entry in table)
                    {
                        string key = Convert.ToString(PlainValues.Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty;
                        result[key] = ToNode(entry.Value, parameterName, depth + 1);
                    }

                    return result;
                case IEnumerable list:
                    var array = new JsonArray();
                    foreach (object? item in list)
                    {
                        array.Add(ToNode(item, parameterName, depth + 1));
                    }

                    return array;
                default:
                    return JsonValue.Create(Convert.ToString(plain, CultureInfo.InvariantCulture));
            }
        }

        // A [pscustomobject] arrives as a PSObject around a PSCustomObject: its properties live on the wrapper, which
        // is read by reflection so this assembly does not reference PowerShell.
        private static bool TryReadCustomObject(object? value, string parameterName, int depth, out JsonObject? result)
        {
            result = null;
            if (value == null || value.GetType().FullName != "System.Management.Automation.PSObject")
            {
                return false;
            }

            object? baseObject = value.GetType().GetProperty("BaseObject")?.GetValue(value);
            if (baseObject?.GetType().FullName != "System.Management.Automation.PSCustomObject"
                || !(value.GetType().GetProperty("Properties")?.GetValue(value) is IEnumerable properties))
            {
                return false;
            }

            result = new JsonObject();
            foreach (object property in properties)
            {
                Type type = property.GetType();
                string? name = type.GetProperty("Name", BindingFlags.Public | BindingFlags.Instance)?.GetValue(property) as string;
                if (name != null)
                {
                    result[name] = ToNode(type.GetProperty("Value", BindingFlags.Public | BindingFlags.Instance)?.GetValue(property), parameterName, depth + 1);
                }
            }

            return true;
        }
    }
}

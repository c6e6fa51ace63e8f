using System.Reflection;

namespace Containers.HelpBuilder.Metadata
{
    /// <summary>Parameter and output types as help shows them: Nullable&lt;T&gt; as T, as PowerShell's own syntax does.</summary>
    internal static class TypeNames
    {
        public const string SwitchParameter = "System.Management.Automation.SwitchParameter";

        public static Type Unwrapped(Type type) =>
            type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1" ? type.GetGenericArguments()[0] : type;

        /// <summary>String[], Int32, Hashtable: what syntax lines show between angle brackets.</summary>
        public static string Short(Type type)
        {
            type = Unwrapped(type);
            if (type.IsArray)
            {
                return Short(type.GetElementType()!) + "[]";
            }

            int tick = type.Name.IndexOf('`');
            return tick < 0 ? type.Name : type.Name.Substring(0, tick);
        }

        /// <summary>System.String[], Containers.Models.Container: what dev:type and INPUTS/OUTPUTS name.</summary>
        public static string Full(Type type)
        {
            type = Unwrapped(type);
            if (type.IsArray)
            {
                return Full(type.GetElementType()!) + "[]";
            }

            return type.FullName ?? type.Name;
        }

        /// <summary>The names an enum parameter (or an array of one) accepts, in declaration order.</summary>
        public static string[] EnumValues(Type type)
        {
            type = Unwrapped(type);
            if (type.IsArray)
            {
                type = Unwrapped(type.GetElementType()!);
            }

            return type.IsEnum
                ? type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(field => field.Name).ToArray()
                : Array.Empty<string>();
        }
    }
}

using System.Reflection;

namespace Containers.HelpBuilder.Metadata
{
    /// <summary>Reads PowerShell's attributes as CustomAttributeData: by full name, arguments as written.</summary>
    internal static class AttributeData
    {
        private const string PowerShellNamespace = "System.Management.Automation.";

        public static CustomAttributeData? Find(MemberInfo member, string attributeName) =>
            FindAll(member, attributeName).FirstOrDefault();

        public static IEnumerable<CustomAttributeData> FindAll(MemberInfo member, string attributeName) =>
            member.CustomAttributes.Where(a => a.AttributeType.FullName == PowerShellNamespace + attributeName);

        public static bool Has(CustomAttributeData attribute, string name) =>
            attribute.NamedArguments.Any(a => a.MemberName == name);

        public static T? Named<T>(CustomAttributeData attribute, string name)
        {
            // CustomAttributeNamedArgument is a struct whose default instance throws: look for the name first.
            foreach (CustomAttributeNamedArgument argument in attribute.NamedArguments)
            {
                if (argument.MemberName == name)
                {
                    return (T?)argument.TypedValue.Value;
                }
            }

            return default;
        }

        /// <summary>The values of a named array argument, such as OutputType's ParameterSetName.</summary>
        public static IReadOnlyList<object?> NamedArray(CustomAttributeData attribute, string name)
        {
            foreach (CustomAttributeNamedArgument argument in attribute.NamedArguments)
            {
                if (argument.MemberName == name)
                {
                    return Flatten(argument.TypedValue).ToList();
                }
            }

            return Array.Empty<object?>();
        }

        /// <summary>Every constructor argument, with params arrays (Alias("a", "b"), ValidateSet(...)) flattened.</summary>
        public static IReadOnlyList<object?> ConstructorValues(CustomAttributeData attribute) =>
            attribute.ConstructorArguments.SelectMany(Flatten).ToList();

        private static IEnumerable<object?> Flatten(CustomAttributeTypedArgument argument) =>
            argument.Value is IEnumerable<CustomAttributeTypedArgument> items ? items.Select(item => item.Value) : new[] { argument.Value };
    }
}

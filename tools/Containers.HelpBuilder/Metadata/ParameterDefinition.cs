using System.Reflection;

namespace Containers.HelpBuilder.Metadata
{
    /// <summary>One cmdlet parameter as its attributes declare it, with its bindings in every parameter set it belongs to.</summary>
    public sealed class ParameterDefinition
    {
        public ParameterDefinition(
            string name,
            string typeName,
            string typeFullName,
            bool isArray,
            IReadOnlyList<string> aliases,
            bool supportsWildcards,
            IReadOnlyList<string> acceptedValues,
            IReadOnlyList<ParameterBinding> bindings,
            bool isRiskMitigation = false)
        {
            Name = name;
            TypeName = typeName;
            TypeFullName = typeFullName;
            IsArray = isArray;
            Aliases = aliases;
            SupportsWildcards = supportsWildcards;
            AcceptedValues = acceptedValues;
            Bindings = bindings;
            IsRiskMitigation = isRiskMitigation;
        }

        public string Name { get; }

        /// <summary>As syntax shows it: String[], Int32 (for int?), SwitchParameter.</summary>
        public string TypeName { get; }

        public string TypeFullName { get; }

        public bool IsSwitch => TypeFullName == TypeNames.SwitchParameter;

        public bool IsArray { get; }

        public IReadOnlyList<string> Aliases { get; }

        /// <summary>[SupportsWildcards]: what help reports as "Accept wildcard characters".</summary>
        public bool SupportsWildcards { get; }

        /// <summary>[ValidateSet] values, or an enum's names; empty when any value goes.</summary>
        public IReadOnlyList<string> AcceptedValues { get; }

        public IReadOnlyList<ParameterBinding> Bindings { get; }

        /// <summary>-WhatIf and -Confirm, which PowerShell adds to cmdlets that support ShouldProcess.</summary>
        public bool IsRiskMitigation { get; }

        /// <summary>How the parameter binds in <paramref name="setName"/>; null when it is not in that set.</summary>
        public ParameterBinding? BindingIn(string setName) =>
            Bindings.FirstOrDefault(b => b.SetName == setName) ?? Bindings.FirstOrDefault(b => b.SetName == ParameterBinding.AllSets);

        public override string ToString() => "-" + Name;

        /// <summary>The parameter a property declares; null when it has no [Parameter] attribute.</summary>
        internal static ParameterDefinition? FromProperty(PropertyInfo property)
        {
            List<ParameterBinding> bindings = AttributeData.FindAll(property, "ParameterAttribute").Select(ParameterBinding.From).ToList();
            if (bindings.Count == 0)
            {
                return null;
            }

            Type type = property.PropertyType;
            CustomAttributeData? alias = AttributeData.Find(property, "AliasAttribute");
            CustomAttributeData? validateSet = AttributeData.Find(property, "ValidateSetAttribute");
            return new ParameterDefinition(
                property.Name,
                TypeNames.Short(type),
                TypeNames.Full(type),
                TypeNames.Unwrapped(type).IsArray,
                alias == null ? Array.Empty<string>() : AttributeData.ConstructorValues(alias).OfType<string>().ToArray(),
                AttributeData.Find(property, "SupportsWildcardsAttribute") != null,
                validateSet != null ? AttributeData.ConstructorValues(validateSet).OfType<string>().ToArray() : TypeNames.EnumValues(type),
                bindings);
        }

        /// <summary>-WhatIf or -Confirm: a switch in every set, with PowerShell's alias for it.</summary>
        internal static ParameterDefinition RiskMitigation(string name, string alias) =>
            new ParameterDefinition(
                name,
                "SwitchParameter",
                TypeNames.SwitchParameter,
                isArray: false,
                new[] { alias },
                supportsWildcards: false,
                Array.Empty<string>(),
                new[] { new ParameterBinding(ParameterBinding.AllSets, mandatory: false, position: null, fromPipeline: false, fromPipelineByPropertyName: false) },
                isRiskMitigation: true);
    }
}

using System.Reflection;

namespace Containers.HelpBuilder.Metadata
{
    /// <summary>One cmdlet as its attributes declare it: name, parameter sets, parameters (inherited ones too), output types.</summary>
    public sealed class CmdletDefinition
    {
        public CmdletDefinition(
            string verb,
            string noun,
            string? defaultParameterSetName,
            bool supportsShouldProcess,
            int confirmImpact,
            IReadOnlyList<ParameterDefinition> declaredParameters,
            IReadOnlyList<OutputTypeDeclaration> outputTypes)
        {
            Verb = verb;
            Noun = noun;
            DefaultParameterSetName = defaultParameterSetName;
            SupportsShouldProcess = supportsShouldProcess;
            ConfirmImpact = confirmImpact;
            DeclaredParameters = declaredParameters;
            OutputTypes = outputTypes;
            ParameterSets = OrderSets(declaredParameters, defaultParameterSetName);
            Parameters = supportsShouldProcess
                ? declaredParameters.Concat(new[] { ParameterDefinition.RiskMitigation("WhatIf", "wi"), ParameterDefinition.RiskMitigation("Confirm", "cf") }).ToList()
                : declaredParameters;
        }

        public string Verb { get; }

        public string Noun { get; }

        public string Name => Verb + "-" + Noun;

        public string? DefaultParameterSetName { get; }

        public bool SupportsShouldProcess { get; }

        /// <summary>0 None, 1 Low, 2 Medium (the default), 3 High.</summary>
        public int ConfirmImpact { get; }

        /// <summary>The parameters the cmdlet's properties declare, in declaration order (the cmdlet's own, then its bases').</summary>
        public IReadOnlyList<ParameterDefinition> DeclaredParameters { get; }

        /// <summary>The declared parameters, then -WhatIf and -Confirm when the cmdlet supports ShouldProcess.</summary>
        public IReadOnlyList<ParameterDefinition> Parameters { get; }

        /// <summary>The default set first, then the others by name; __AllParameterSets alone when no parameter names a set.</summary>
        public IReadOnlyList<string> ParameterSets { get; }

        public IReadOnlyList<OutputTypeDeclaration> OutputTypes { get; }

        /// <summary>
        /// The parameters of one set in the order syntax shows them, as PowerShell orders them: positional ones by
        /// position, then mandatory named ones, then optional named ones, each in declaration order; -WhatIf and -Confirm last.
        /// </summary>
        public IReadOnlyList<ParameterInSet> ParametersIn(string setName) =>
            Parameters
                .Select(parameter => (parameter, binding: parameter.BindingIn(setName)))
                .Where(pair => pair.binding != null)
                .Select(pair => new ParameterInSet(pair.parameter, pair.binding!))
                .OrderBy(p => p.Parameter.IsRiskMitigation ? 3 : p.Binding.Position.HasValue ? 0 : p.Binding.Mandatory ? 1 : 2)
                .ThenBy(p => p.Binding.Position ?? 0)
                .ToList();

        /// <summary>Every parameter once, in the order it first appears walking the sets in syntax order.</summary>
        public IReadOnlyList<ParameterDefinition> ParametersInDisplayOrder() =>
            ParameterSets.SelectMany(ParametersIn).Select(p => p.Parameter).Distinct().ToList();

        /// <summary>How one parameter binds in each set it belongs to, in syntax order.</summary>
        public IReadOnlyList<ParameterInSet> BindingsOf(ParameterDefinition parameter) =>
            ParameterSets
                .Select(set => parameter.BindingIn(set))
                .Where(binding => binding != null)
                .Select(binding => new ParameterInSet(parameter, binding!))
                .ToList();

        public ParameterDefinition? FindParameter(string nameOrAlias) =>
            Parameters.FirstOrDefault(p => string.Equals(p.Name, nameOrAlias, StringComparison.OrdinalIgnoreCase)
                || p.Aliases.Any(alias => string.Equals(alias, nameOrAlias, StringComparison.OrdinalIgnoreCase)));

        public override string ToString() => Name;

        /// <summary>The cmdlet a [Cmdlet]-attributed class declares; null for any other type.</summary>
        internal static CmdletDefinition? FromType(Type type)
        {
            CustomAttributeData? cmdlet = AttributeData.Find(type, "CmdletAttribute");
            if (cmdlet == null || type.IsAbstract || !type.IsPublic)
            {
                return null;
            }

            List<ParameterDefinition> parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(ParameterDefinition.FromProperty)
                .OfType<ParameterDefinition>()
                .ToList();
            List<OutputTypeDeclaration> outputs = AttributeData.FindAll(type, "OutputTypeAttribute")
                .SelectMany(attribute =>
                {
                    string[] sets = AttributeData.NamedArray(attribute, "ParameterSetName").OfType<string>().ToArray();
                    return AttributeData.ConstructorValues(attribute)
                        .Select(value => value is Type t ? TypeNames.Full(t) : value as string)
                        .OfType<string>()
                        .Select(name => new OutputTypeDeclaration(name, sets));
                })
                .ToList();
            return new CmdletDefinition(
                (string)cmdlet.ConstructorArguments[0].Value!,
                (string)cmdlet.ConstructorArguments[1].Value!,
                AttributeData.Named<string>(cmdlet, "DefaultParameterSetName"),
                AttributeData.Named<bool>(cmdlet, "SupportsShouldProcess"),
                AttributeData.Has(cmdlet, "ConfirmImpact") ? AttributeData.Named<int>(cmdlet, "ConfirmImpact") : 2,
                parameters,
                outputs);
        }

        private static IReadOnlyList<string> OrderSets(IReadOnlyList<ParameterDefinition> parameters, string? defaultSet)
        {
            List<string> named = parameters
                .SelectMany(p => p.Bindings)
                .Select(b => b.SetName)
                .Where(set => set != ParameterBinding.AllSets)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(set => set == defaultSet ? 0 : 1)
                .ThenBy(set => set, StringComparer.Ordinal)
                .ToList();
            return named.Count == 0 ? new[] { ParameterBinding.AllSets } : named;
        }
    }
}

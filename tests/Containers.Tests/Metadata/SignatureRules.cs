using System.Reflection;

namespace Containers.Tests.Metadata
{
    /// <summary>
    /// Cmdlet signature rules in the spirit of Azure PowerShell's static analysis, as functions that list violations:
    /// the tests run them on the module (expecting none) and on deliberately wrong sample cmdlets (expecting each named).
    /// </summary>
    public static class SignatureRules
    {
        /// <summary>
        /// Cmdlets allowed ConfirmImpact High, which prompts at the default $ConfirmPreference. Add one only with its help
        /// saying why it asks, and with a -Force that skips the question, so scheduled jobs and runbooks never hang.
        /// </summary>
        public static readonly ISet<string> DocumentedHighImpact = new HashSet<string>(StringComparer.Ordinal)
        {
            // Deletes the engine's data (containers, images, volumes) with the host; its help says so, and -Force skips the question.
            "Remove-ContainerHost",

            // A manager that leaves breaks the managers' quorum, and the last one erases the swarm; its help says so, and -Force skips the question.
            "Exit-ContainerSwarm",
        };

        // Common parameters, with the aliases PowerShell gives them: a cmdlet parameter or alias taking one breaks binding.
        private static readonly Dictionary<string, string> CommonParameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Verbose"] = "vb",
            ["Debug"] = "db",
            ["ErrorAction"] = "ea",
            ["WarningAction"] = "wa",
            ["InformationAction"] = "infa",
            ["ErrorVariable"] = "ev",
            ["WarningVariable"] = "wv",
            ["InformationVariable"] = "iv",
            ["OutVariable"] = "ov",
            ["OutBuffer"] = "ob",
            ["PipelineVariable"] = "pv",
            ["ProgressAction"] = "proga",
            ["WhatIf"] = "wi",
            ["Confirm"] = "cf",
            ["UseTransaction"] = "usetx",
        };

        // Verbs that destroy what they act on.
        private static readonly HashSet<string> DestructiveVerbs = new HashSet<string>(StringComparer.Ordinal) { "Remove", "Clear", "Reset", "Uninstall", "Unregister" };

        private const string PruneResultType = "Containers.Models.PruneResult";

        private const string CredentialType = "System.Management.Automation.PSCredential";

        public static IEnumerable<string> ReservedNames => CommonParameters.Keys.Concat(CommonParameters.Values);

        /// <summary>Parameters or aliases that take a common parameter's name or alias.</summary>
        public static IEnumerable<string> CommonParameterClashes(IEnumerable<CmdletMetadata.CmdletInfo> cmdlets) =>
            Properties(cmdlets)
                .SelectMany(p => new[] { p.Property.Name }.Concat(Aliases(p.Property)).Where(name => ReservedNames.Contains(name, StringComparer.OrdinalIgnoreCase)).Select(name => $"{p.Cmdlet} -{p.Property.Name}: '{name}' is a common parameter's name or alias"));

        /// <summary>ConfirmImpact High without a -Force switch: it would prompt, with no way to say yes in an unattended run.</summary>
        public static IEnumerable<string> HighImpactWithoutForce(IEnumerable<CmdletMetadata.CmdletInfo> cmdlets) =>
            cmdlets.Where(c => c.ConfirmImpact > 2 && !HasForce(c)).Select(c => $"{c.Name} has ConfirmImpact High and no -Force switch");

        /// <summary>ConfirmImpact High not listed in <see cref="DocumentedHighImpact"/>.</summary>
        public static IEnumerable<string> UndocumentedHighImpact(IEnumerable<CmdletMetadata.CmdletInfo> cmdlets) =>
            cmdlets.Where(c => c.ConfirmImpact > 2 && !DocumentedHighImpact.Contains(c.Name)).Select(c => $"{c.Name} has ConfirmImpact High, which prompts by default, and is not documented as needing it");

        /// <summary>Cmdlets that call ShouldContinue (a prompt -Confirm:$false cannot answer) but have no -Force to skip it.</summary>
        public static IEnumerable<string> PromptsWithoutForce(IEnumerable<CmdletMetadata.CmdletInfo> cmdlets, ISet<string> shouldContinueCallers) =>
            cmdlets.Where(c => shouldContinueCallers.Contains(c.Type.FullName!) && !HasForce(c)).Select(c => $"{c.Name} calls ShouldContinue and has no -Force switch to skip it");

        /// <summary>
        /// Parameter sets that prune (their [OutputType] is a PruneResult) without a -Force switch: a prune asks
        /// ShouldContinue through the command seam (see PruneConfirmation), which only -Force or -Confirm:$false skips.
        /// </summary>
        public static IEnumerable<string> PruneWithoutForce(IEnumerable<CmdletMetadata.CmdletInfo> cmdlets) =>
            cmdlets.SelectMany(c => PruneSets(c).Where(set => !c.Parameters.Any(p => p.InSet(set) && IsForce(p))).Select(set => $"{c.Name} prunes in parameter set {set} and has no -Force there to skip its question"));

        /// <summary>Remove-*, Clear-*, pruning (a PruneResult output) and the like below ConfirmImpact Medium, or without ShouldProcess.</summary>
        public static IEnumerable<string> DestructiveBelowMedium(IEnumerable<CmdletMetadata.CmdletInfo> cmdlets) =>
            cmdlets.Where(IsDestructive).Where(c => c.ConfirmImpact < 2 || !c.SupportsShouldProcess)
                .Select(c => $"{c.Name} destroys what it acts on but has ConfirmImpact {c.ConfirmImpact} (Medium is 2) or no ShouldProcess");

        /// <summary>
        /// Credential parameters (named *Credential, aliased Credential, or typed PSCredential) that are not PSCredential
        /// with [Credential]: a string or SecureString asks for the secret in plain sight or without the user name, and
        /// without [Credential] a user name alone is not turned into a prompt.
        /// </summary>
        public static IEnumerable<string> CredentialProblems(IEnumerable<CmdletMetadata.CmdletInfo> cmdlets)
        {
            foreach ((string cmdlet, PropertyInfo property) in Properties(cmdlets))
            {
                bool named = property.Name.EndsWith("Credential", StringComparison.OrdinalIgnoreCase)
                    || Aliases(property).Any(a => a.EndsWith("Credential", StringComparison.OrdinalIgnoreCase));
                bool typed = ElementType(property.PropertyType).FullName == CredentialType;
                if (!named && !typed)
                {
                    continue;
                }

                if (!typed)
                {
                    yield return $"{cmdlet} -{property.Name} is {property.PropertyType.Name}; credentials are PSCredential";
                }
                else if (CmdletMetadata.Attribute(property, "CredentialAttribute") == null)
                {
                    yield return $"{cmdlet} -{property.Name} is a PSCredential without [Credential]";
                }
            }
        }

        private static bool IsDestructive(CmdletMetadata.CmdletInfo cmdlet) =>
            DestructiveVerbs.Contains(cmdlet.Verb)
            || cmdlet.OutputTypes.SelectMany(a => a.ConstructorArguments).SelectMany(Values).Any(v => (v as Type)?.FullName == PruneResultType || v as string == PruneResultType);

        private static IEnumerable<object?> Values(CustomAttributeTypedArgument argument) =>
            argument.Value is IEnumerable<CustomAttributeTypedArgument> list ? list.Select(a => a.Value) : new[] { argument.Value };

        private static bool HasForce(CmdletMetadata.CmdletInfo cmdlet) => cmdlet.Parameters.Any(IsForce);

        private static bool IsForce(CmdletMetadata.ParameterInfo parameter) =>
            parameter.Name == "Force" && parameter.Property.PropertyType.FullName == "System.Management.Automation.SwitchParameter";

        // The sets a PruneResult [OutputType] names; one without ParameterSetName names them all.
        private static IEnumerable<string> PruneSets(CmdletMetadata.CmdletInfo cmdlet) =>
            cmdlet.OutputTypes
                .Where(a => a.ConstructorArguments.SelectMany(Values).Any(v => (v as Type)?.FullName == PruneResultType || v as string == PruneResultType))
                .SelectMany(a => a.NamedArguments.Where(n => n.MemberName == "ParameterSetName").SelectMany(n => Values(n.TypedValue)).OfType<string>().DefaultIfEmpty(null))
                .SelectMany(set => set == null ? cmdlet.ParameterSets : new[] { set })
                .Distinct();

        private static IEnumerable<(string Cmdlet, PropertyInfo Property)> Properties(IEnumerable<CmdletMetadata.CmdletInfo> cmdlets) =>
            cmdlets.SelectMany(c => c.Parameters.Select(p => p.Property).Distinct().Select(p => (c.Name, p)));

        public static IEnumerable<string> Aliases(PropertyInfo property) =>
            property.CustomAttributes.Where(a => a.AttributeType.Name == "AliasAttribute")
                .SelectMany(a => a.ConstructorArguments).SelectMany(Values).OfType<string>();

        private static Type ElementType(Type type) => type.IsArray ? type.GetElementType()! : type;
    }
}

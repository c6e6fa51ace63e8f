using System.Reflection;
using Containers.HelpBuilder.Metadata;

namespace Containers.Tests.Metadata
{
    /// <summary>
    /// The compiled cmdlet assembly read as metadata (System.Reflection.MetadataLoadContext): PowerShellStandard.Library's
    /// attributes read back empty at run time, but their constructor and named arguments are in the metadata as written.
    /// </summary>
    public sealed class CmdletMetadata : IDisposable
    {
        public const string AllSets = "__AllParameterSets";

        private readonly MetadataAssembly _module;

        public CmdletMetadata()
        {
            // The help builder's loader opens the assembly; the rules below read its attributes in their own way.
            string moduleAssembly = Path.Combine(AppContext.BaseDirectory, "Containers.dll");
            string standardLibrary = Path.Combine(SettingOf("PowerShellStandardLibrary"), "lib", "netstandard2.0", "System.Management.Automation.dll");
            _module = MetadataAssembly.Load(moduleAssembly, standardLibrary);
            Assembly = _module.Assembly;
            PowerShellStandard = _module.LoadFrom(standardLibrary);
            ModuleAssemblies = new[] { Assembly }
                .Concat(ModuleLibraries.Select(name => _module.LoadFrom(Path.Combine(AppContext.BaseDirectory, name + ".dll"))))
                .ToList();
            Cmdlets = Assembly.GetTypes()
                .Where(type => type.IsPublic && !type.IsAbstract && Attribute(type, "CmdletAttribute") != null)
                .Select(type => new CmdletInfo(type))
                .OrderBy(cmdlet => cmdlet.Name, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>The libraries the module ships beside Containers.dll, whose public types users also get.</summary>
        public static readonly string[] ModuleLibraries = { "Containers.Core", "Containers.Provisioning", "Containers.Engine" };

        public Assembly Assembly { get; }

        /// <summary>PowerShellStandard.Library's System.Management.Automation: what both Windows PowerShell 5.1 and PowerShell 7 have.</summary>
        public Assembly PowerShellStandard { get; }

        /// <summary>Containers.dll and the module's libraries.</summary>
        public IReadOnlyList<Assembly> ModuleAssemblies { get; }

        /// <summary>A public type of the module by full name, ignoring case as PowerShell does; null when there is none.</summary>
        public Type? FindModuleType(string fullName) =>
            // MetadataLoadContext cannot look types up ignoring case: compare the exported names instead.
            ModuleAssemblies
                .SelectMany(assembly => assembly.GetExportedTypes())
                .FirstOrDefault(type => string.Equals(type.FullName, fullName, StringComparison.OrdinalIgnoreCase));

        /// <summary>Loads another assembly from the test folder into the same context (the sample cmdlets live in the tests' own).</summary>
        public Assembly LoadFromTestDirectory(string assemblyName) =>
            _module.LoadFrom(Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll"));

        public IReadOnlyList<CmdletInfo> Cmdlets { get; }

        public static string SettingOf(string key) =>
            typeof(CmdletMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

        public static CustomAttributeData? Attribute(MemberInfo member, string name) =>
            member.CustomAttributes.FirstOrDefault(a => a.AttributeType.Name == name);

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

        public void Dispose() => _module.Dispose();

        /// <summary>One cmdlet class as its attributes declare it.</summary>
        public sealed class CmdletInfo
        {
            public CmdletInfo(Type type)
            {
                Type = type;
                CustomAttributeData cmdlet = Attribute(type, "CmdletAttribute")!;
                Verb = (string)cmdlet.ConstructorArguments[0].Value!;
                Noun = (string)cmdlet.ConstructorArguments[1].Value!;
                SupportsShouldProcess = Named<bool>(cmdlet, "SupportsShouldProcess");
                ConfirmImpact = cmdlet.NamedArguments.Any(a => a.MemberName == "ConfirmImpact") ? Named<int>(cmdlet, "ConfirmImpact") : 2; // Medium is the default
                DefaultParameterSet = Named<string>(cmdlet, "DefaultParameterSetName");
                OutputTypes = type.CustomAttributes.Where(a => a.AttributeType.Name == "OutputTypeAttribute").ToList();
                Parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .SelectMany(property => property.CustomAttributes
                        .Where(a => a.AttributeType.Name == "ParameterAttribute")
                        .Select(a => new ParameterInfo(property, a)))
                    .ToList();
            }

            public Type Type { get; }

            public string Verb { get; }

            public string Noun { get; }

            public string Name => Verb + "-" + Noun;

            public bool SupportsShouldProcess { get; }

            /// <summary>0 None, 1 Low, 2 Medium, 3 High.</summary>
            public int ConfirmImpact { get; }

            public string? DefaultParameterSet { get; }

            public IReadOnlyList<CustomAttributeData> OutputTypes { get; }

            public IReadOnlyList<ParameterInfo> Parameters { get; }

            public IEnumerable<string> ParameterSets
            {
                get
                {
                    var named = Parameters.Select(p => p.Set).Where(set => set != AllSets).Distinct().ToList();
                    return named.Count == 0 ? new[] { AllSets } : named;
                }
            }

            public override string ToString() => Name;
        }

        /// <summary>One [Parameter] attribute on a property (a property in several sets has several).</summary>
        public sealed class ParameterInfo
        {
            public ParameterInfo(PropertyInfo property, CustomAttributeData attribute)
            {
                Property = property;
                Set = Named<string>(attribute, "ParameterSetName") ?? AllSets;
                Mandatory = Named<bool>(attribute, "Mandatory");
                FromPipeline = Named<bool>(attribute, "ValueFromPipeline");
                FromPipelineByPropertyName = Named<bool>(attribute, "ValueFromPipelineByPropertyName");
                int? position = attribute.NamedArguments.Any(a => a.MemberName == "Position") ? Named<int>(attribute, "Position") : null;
                Position = position;
            }

            public PropertyInfo Property { get; }

            public string Name => Property.Name;

            public string Set { get; }

            public bool Mandatory { get; }

            public bool FromPipeline { get; }

            public bool FromPipelineByPropertyName { get; }

            public int? Position { get; }

            public bool InSet(string set) => Set == AllSets || Set == set;
        }
    }
}

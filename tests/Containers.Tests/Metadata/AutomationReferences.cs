using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Containers.Tests.Metadata
{
    /// <summary>What a compiled assembly uses of PowerShell: its assembly references, and the types and members it names from them.</summary>
    public sealed class AutomationReferences
    {
        public const string AutomationAssembly = "System.Management.Automation";

        private AutomationReferences(string assemblyPath)
        {
            using var pe = new PEReader(File.OpenRead(assemblyPath));
            MetadataReader metadata = pe.GetMetadataReader();

            AssemblyReferences = metadata.AssemblyReferences
                .Select(handle => metadata.GetAssemblyReference(handle))
                .Select(reference => (Name: metadata.GetString(reference.Name), reference.Version))
                .ToList();

            var types = new Dictionary<TypeReferenceHandle, string>();
            foreach (TypeReferenceHandle handle in metadata.TypeReferences)
            {
                (string? assembly, string name) = Resolve(metadata, handle);
                if (assembly == AutomationAssembly)
                {
                    types[handle] = name;
                }
                else if (name.StartsWith(AutomationAssembly + ".", StringComparison.Ordinal))
                {
                    ForeignAutomationTypes.Add($"{name} from {assembly}");
                }
            }

            Types = types.Values.Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
            Members = metadata.MemberReferences
                .Select(handle => metadata.GetMemberReference(handle))
                .Where(member => member.Parent.Kind == HandleKind.TypeReference && types.ContainsKey((TypeReferenceHandle)member.Parent))
                .Select(member => (Type: types[(TypeReferenceHandle)member.Parent], Member: metadata.GetString(member.Name)))
                .Distinct()
                .ToList();
        }

        public IReadOnlyList<(string Name, Version Version)> AssemblyReferences { get; }

        /// <summary>Full names (nested types as Outer+Inner) of the System.Management.Automation types referenced.</summary>
        public IReadOnlyList<string> Types { get; }

        /// <summary>Methods, constructors and fields referenced on those types.</summary>
        public IReadOnlyList<(string Type, string Member)> Members { get; }

        /// <summary>System.Management.Automation.* types that come from some other assembly: they would not be PowerShell's own.</summary>
        public List<string> ForeignAutomationTypes { get; } = new List<string>();

        public static AutomationReferences Read(string assemblyPath) => new AutomationReferences(assemblyPath);

        // The assembly a type reference points into, and the type's full name.
        private static (string? Assembly, string Name) Resolve(MetadataReader metadata, TypeReferenceHandle handle)
        {
            TypeReference type = metadata.GetTypeReference(handle);
            string name = metadata.GetString(type.Name);
            string space = metadata.GetString(type.Namespace);
            switch (type.ResolutionScope.Kind)
            {
                case HandleKind.TypeReference:
                    (string? assembly, string outer) = Resolve(metadata, (TypeReferenceHandle)type.ResolutionScope);
                    return (assembly, outer + "+" + name);
                case HandleKind.AssemblyReference:
                    string reference = metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).Name);
                    return (reference, space.Length == 0 ? name : space + "." + name);
                default:
                    return (null, space.Length == 0 ? name : space + "." + name);
            }
        }
    }
}

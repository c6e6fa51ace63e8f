using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Containers.Tests.Metadata
{
    /// <summary>
    /// Which namespaces of one compiled assembly use which others of the same assembly, read from metadata and IL: base
    /// types, interfaces, fields, properties, events, method signatures, generic constraints, attributes, locals, catch
    /// clauses, and every type, method or field a method body names (calls, newobj, field access, typeof, casts). A nested
    /// type, compiler-made ones included (closures, iterators, async state machines), counts for its outermost type's namespace.
    /// </summary>
    public sealed class NamespaceDependencies
    {
        private NamespaceDependencies(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> uses)
        {
            Uses = uses;
        }

        /// <summary>
        /// Namespace → the namespaces it uses, each with one witness ("A.Type uses B.Type"). Only the assembly's own
        /// namespaces under Containers count; what the compiler embeds (System.Runtime.CompilerServices attributes) does not.
        /// </summary>
        public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Uses { get; }

        public static NamespaceDependencies Read(string assemblyPath)
        {
            using var pe = new PEReader(File.OpenRead(assemblyPath));
            MetadataReader metadata = pe.GetMetadataReader();
            var uses = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
            foreach (TypeDefinitionHandle handle in metadata.TypeDefinitions)
            {
                TypeDefinition type = metadata.GetTypeDefinition(handle);
                TypeDefinition outer = OuterTypes.Outermost(metadata, type);
                string from = metadata.GetString(outer.Namespace);
                if (!IsOwn(from))
                {
                    continue;
                }

                var used = new TypesUsed(metadata);
                used.AddTypeMembers(pe, type);
                foreach (TypeDefinitionHandle usedHandle in used.Found)
                {
                    TypeDefinition target = OuterTypes.Outermost(metadata, metadata.GetTypeDefinition(usedHandle));
                    string to = metadata.GetString(target.Namespace);
                    if (to == from || !IsOwn(to))
                    {
                        continue;
                    }

                    if (!uses.TryGetValue(from, out SortedDictionary<string, string>? targets))
                    {
                        uses[from] = targets = new SortedDictionary<string, string>(StringComparer.Ordinal);
                    }

                    targets.TryAdd(to, OuterTypes.FullName(metadata, outer) + " uses " + OuterTypes.FullName(metadata, target));
                }
            }

            var result = new SortedDictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, SortedDictionary<string, string>> pair in uses)
            {
                result[pair.Key] = pair.Value;
            }

            return new NamespaceDependencies(result);
        }

        private static bool IsOwn(string space) => space == "Containers" || space.StartsWith("Containers.", StringComparison.Ordinal);
    }
}

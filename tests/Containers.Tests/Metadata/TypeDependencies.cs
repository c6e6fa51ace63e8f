using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Containers.Tests.Metadata
{
    /// <summary>
    /// Which types of a compiled assembly each of its top-level types uses (<see cref="TypesUsed"/>: its declarations and
    /// the methods, fields and types its code names, in its lambdas, iterators and async state machines too). Only types of
    /// the same assembly are counted.
    /// </summary>
    public sealed class TypeDependencies
    {
        private readonly Dictionary<string, HashSet<string>> _uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);

        private TypeDependencies(string assemblyPath)
        {
            using var pe = new PEReader(File.OpenRead(assemblyPath));
            MetadataReader metadata = pe.GetMetadataReader();
            foreach (TypeDefinitionHandle typeHandle in metadata.TypeDefinitions)
            {
                TypeDefinition type = metadata.GetTypeDefinition(typeHandle);
                string user = TopLevelName(metadata, type);
                if (!_uses.TryGetValue(user, out HashSet<string>? used))
                {
                    _uses[user] = used = new HashSet<string>(StringComparer.Ordinal);
                }

                var found = new TypesUsed(metadata);
                found.AddTypeMembers(pe, type);
                used.UnionWith(found.Found.Select(handle => TopLevelName(metadata, metadata.GetTypeDefinition(handle))));
            }
        }

        private static string TopLevelName(MetadataReader metadata, TypeDefinition type) =>
            OuterTypes.FullName(metadata, OuterTypes.Outermost(metadata, type));

        public static TypeDependencies Read(string assemblyPath) => new TypeDependencies(assemblyPath);

        /// <summary>
        /// The top-level types that are one of <paramref name="roots"/> or use one, directly or through other types of the
        /// assembly (full names).
        /// </summary>
        public ISet<string> UsersOf(IEnumerable<string> roots)
        {
            var users = new HashSet<string>(roots, StringComparer.Ordinal);
            bool grew = true;
            while (grew)
            {
                grew = false;
                foreach (KeyValuePair<string, HashSet<string>> type in _uses)
                {
                    if (!users.Contains(type.Key) && type.Value.Overlaps(users))
                    {
                        users.Add(type.Key);
                        grew = true;
                    }
                }
            }

            return users;
        }
    }
}

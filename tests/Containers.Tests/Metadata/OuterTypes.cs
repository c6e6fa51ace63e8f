using System.Reflection.Metadata;

namespace Containers.Tests.Metadata
{
    /// <summary>
    /// The type whose source a nested type was written in: lambdas' closures, iterators and async state machines are
    /// nested types the compiler makes, and their code belongs to the type (and namespace) that holds them.
    /// </summary>
    public static class OuterTypes
    {
        public static TypeDefinition Outermost(MetadataReader metadata, TypeDefinition type)
        {
            while (type.GetDeclaringType() is { IsNil: false } outer)
            {
                type = metadata.GetTypeDefinition(outer);
            }

            return type;
        }

        public static string FullName(MetadataReader metadata, TypeDefinition type)
        {
            string name = metadata.GetString(type.Name);
            string space = metadata.GetString(type.Namespace);
            return space.Length == 0 ? name : space + "." + name;
        }
    }
}

using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Containers.Tests.Metadata
{
    /// <summary>
    /// Which types of a compiled assembly call a method of a given name, read from their IL. Calls made in lambdas,
    /// iterators and async state machines count for the type whose code they were written in.
    /// </summary>
    public static class MethodCalls
    {
        /// <summary>Full names of the top-level types whose code calls (or takes the address of) a method named <paramref name="methodName"/>.</summary>
        public static ISet<string> CallersOf(string assemblyPath, string methodName)
        {
            var callers = new HashSet<string>(StringComparer.Ordinal);
            using var pe = new PEReader(File.OpenRead(assemblyPath));
            MetadataReader metadata = pe.GetMetadataReader();
            foreach (TypeDefinitionHandle typeHandle in metadata.TypeDefinitions)
            {
                TypeDefinition type = metadata.GetTypeDefinition(typeHandle);
                foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
                {
                    MethodDefinition method = metadata.GetMethodDefinition(methodHandle);
                    if (method.RelativeVirtualAddress != 0 && Calls(metadata, pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader(), methodName))
                    {
                        callers.Add(OuterTypes.FullName(metadata, OuterTypes.Outermost(metadata, type)));
                    }
                }
            }

            return callers;
        }

        private static bool Calls(MetadataReader metadata, BlobReader il, string methodName) =>
            IlOperands.Tokens(il).Any(token => token.Kind is HandleKind.MethodDefinition or HandleKind.MemberReference or HandleKind.MethodSpecification
                && MethodName(metadata, token) == methodName);

        private static string? MethodName(MetadataReader metadata, EntityHandle handle) => handle.Kind switch
        {
            HandleKind.MemberReference => metadata.GetString(metadata.GetMemberReference((MemberReferenceHandle)handle).Name),
            HandleKind.MethodDefinition => metadata.GetString(metadata.GetMethodDefinition((MethodDefinitionHandle)handle).Name),
            HandleKind.MethodSpecification => MethodName(metadata, metadata.GetMethodSpecification((MethodSpecificationHandle)handle).Method),
            _ => null,
        };
    }
}

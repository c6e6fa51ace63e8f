using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Containers.Tests.Metadata
{
    /// <summary>
    /// Which types of a compiled assembly each of its top-level types uses, read from its IL: the methods it calls, the
    /// fields and types it names, in its own code and in its lambdas, iterators and async state machines; and its base type.
    /// Only types of the same assembly are counted.
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
                string user = MethodCalls.TopLevelName(metadata, type);
                if (!_uses.TryGetValue(user, out HashSet<string>? used))
                {
                    _uses[user] = used = new HashSet<string>(StringComparer.Ordinal);
                }

                IEnumerable<EntityHandle> named = type.BaseType.IsNil ? Enumerable.Empty<EntityHandle>() : new[] { type.BaseType };
                foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
                {
                    MethodDefinition method = metadata.GetMethodDefinition(methodHandle);
                    if (method.RelativeVirtualAddress != 0)
                    {
                        named = named.Concat(IlOperands.Tokens(pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader()));
                    }
                }

                foreach (EntityHandle handle in named)
                {
                    if (DeclaringType(metadata, handle) is TypeDefinitionHandle declaring)
                    {
                        used.Add(MethodCalls.TopLevelName(metadata, metadata.GetTypeDefinition(declaring)));
                    }
                }
            }
        }

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

        // The type of this assembly that a token names or whose member it names; null for other assemblies' types.
        private static TypeDefinitionHandle? DeclaringType(MetadataReader metadata, EntityHandle handle) => handle.Kind switch
        {
            HandleKind.TypeDefinition => (TypeDefinitionHandle)handle,
            HandleKind.MethodDefinition => metadata.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType(),
            HandleKind.FieldDefinition => metadata.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType(),
            HandleKind.MemberReference => DeclaringType(metadata, metadata.GetMemberReference((MemberReferenceHandle)handle).Parent),
            HandleKind.MethodSpecification => DeclaringType(metadata, metadata.GetMethodSpecification((MethodSpecificationHandle)handle).Method),
            HandleKind.TypeSpecification => GenericDefinition(metadata, (TypeSpecificationHandle)handle),
            _ => null,
        };

        // A generic instantiation names its definition after GENERICINST and CLASS or VALUETYPE.
        private static TypeDefinitionHandle? GenericDefinition(MetadataReader metadata, TypeSpecificationHandle handle)
        {
            BlobReader signature = metadata.GetBlobReader(metadata.GetTypeSpecification(handle).Signature);
            if (signature.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
            {
                return null;
            }

            signature.ReadSignatureTypeCode();
            EntityHandle definition = signature.ReadTypeHandle();
            return definition.Kind == HandleKind.TypeDefinition ? (TypeDefinitionHandle)definition : null;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
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

        /// <summary>Collects the type definitions a type's declarations and code name; decodes signatures as a type provider.</summary>
        private sealed class TypesUsed : ISignatureTypeProvider<bool, object?>
        {
            private readonly MetadataReader _metadata;

            public TypesUsed(MetadataReader metadata)
            {
                _metadata = metadata;
            }

            public HashSet<TypeDefinitionHandle> Found { get; } = new();

            public void AddTypeMembers(PEReader pe, TypeDefinition type)
            {
                Add(type.BaseType);
                foreach (InterfaceImplementationHandle handle in type.GetInterfaceImplementations())
                {
                    Add(_metadata.GetInterfaceImplementation(handle).Interface);
                }

                AddGenericParameters(type.GetGenericParameters());
                AddAttributes(type.GetCustomAttributes());
                foreach (FieldDefinitionHandle handle in type.GetFields())
                {
                    FieldDefinition field = _metadata.GetFieldDefinition(handle);
                    field.DecodeSignature(this, null);
                    AddAttributes(field.GetCustomAttributes());
                }

                foreach (PropertyDefinitionHandle handle in type.GetProperties())
                {
                    PropertyDefinition property = _metadata.GetPropertyDefinition(handle);
                    property.DecodeSignature(this, null);
                    AddAttributes(property.GetCustomAttributes());
                }

                foreach (EventDefinitionHandle handle in type.GetEvents())
                {
                    Add(_metadata.GetEventDefinition(handle).Type);
                }

                foreach (MethodDefinitionHandle handle in type.GetMethods())
                {
                    AddMethod(pe, _metadata.GetMethodDefinition(handle));
                }
            }

            private void AddMethod(PEReader pe, MethodDefinition method)
            {
                method.DecodeSignature(this, null);
                AddGenericParameters(method.GetGenericParameters());
                AddAttributes(method.GetCustomAttributes());
                foreach (ParameterHandle handle in method.GetParameters())
                {
                    AddAttributes(_metadata.GetParameter(handle).GetCustomAttributes());
                }

                if (method.RelativeVirtualAddress == 0)
                {
                    return;
                }

                MethodBodyBlock body = pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil)
                {
                    _metadata.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(this, null);
                }

                foreach (ExceptionRegion region in body.ExceptionRegions)
                {
                    Add(region.CatchType);
                }

                foreach ((OperandType _, int token) in ILTokens.Read(body.GetILReader()))
                {
                    Add(MetadataTokens.EntityHandle(token));
                }
            }

            private void AddGenericParameters(GenericParameterHandleCollection parameters)
            {
                foreach (GenericParameterHandle handle in parameters)
                {
                    foreach (GenericParameterConstraintHandle constraint in _metadata.GetGenericParameter(handle).GetConstraints())
                    {
                        Add(_metadata.GetGenericParameterConstraint(constraint).Type);
                    }
                }
            }

            private void AddAttributes(CustomAttributeHandleCollection attributes)
            {
                foreach (CustomAttributeHandle handle in attributes)
                {
                    Add(_metadata.GetCustomAttribute(handle).Constructor);
                }
            }

            private void Add(EntityHandle handle)
            {
                if (handle.IsNil)
                {
                    return;
                }

                switch (handle.Kind)
                {
                    case HandleKind.TypeDefinition:
                        Found.Add((TypeDefinitionHandle)handle);
                        break;
                    case HandleKind.TypeSpecification:
                        _metadata.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                        break;
                    case HandleKind.MethodDefinition:
                        Found.Add(_metadata.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType());
                        break;
                    case HandleKind.FieldDefinition:
                        Found.Add(_metadata.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType());
                        break;
                    case HandleKind.MethodSpecification:
                        MethodSpecification specification = _metadata.GetMethodSpecification((MethodSpecificationHandle)handle);
                        Add(specification.Method);
                        specification.DecodeSignature(this, null);
                        break;
                    case HandleKind.MemberReference:
                        MemberReference member = _metadata.GetMemberReference((MemberReferenceHandle)handle);
                        Add(member.Parent);
                        if (member.GetKind() == MemberReferenceKind.Method)
                        {
                            member.DecodeMethodSignature(this, null);
                        }
                        else
                        {
                            member.DecodeFieldSignature(this, null);
                        }

                        break;
                    case HandleKind.StandaloneSignature:
                        StandaloneSignature signature = _metadata.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                        if (signature.GetKind() == StandaloneSignatureKind.Method)
                        {
                            signature.DecodeMethodSignature(this, null);
                        }

                        break;
                }
            }

            public bool GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => Found.Add(handle);

            public bool GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
            {
                reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
                return true;
            }

            // A reference names another assembly's type: only definitions (this assembly's types) make dependencies here.
            public bool GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => false;

            public bool GetPrimitiveType(PrimitiveTypeCode typeCode) => false;

            public bool GetSZArrayType(bool elementType) => elementType;

            public bool GetArrayType(bool elementType, ArrayShape shape) => elementType;

            public bool GetByReferenceType(bool elementType) => elementType;

            public bool GetPointerType(bool elementType) => elementType;

            public bool GetPinnedType(bool elementType) => elementType;

            public bool GetGenericInstantiation(bool genericType, ImmutableArray<bool> typeArguments) => genericType;

            public bool GetFunctionPointerType(MethodSignature<bool> signature) => false;

            public bool GetGenericMethodParameter(object? genericContext, int index) => false;

            public bool GetGenericTypeParameter(object? genericContext, int index) => false;

            public bool GetModifiedType(bool modifier, bool unmodifiedType, bool isRequired) => unmodifiedType;
        }
    }
}

using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Containers.Tests.Metadata
{
    /// <summary>Collects the type definitions a type's declarations and code name; decodes signatures as a type provider.</summary>
    public sealed class TypesUsed : ISignatureTypeProvider<bool, object?>
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

            foreach (EntityHandle token in IlOperands.Tokens(body.GetILReader()))
            {
                Add(token);
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

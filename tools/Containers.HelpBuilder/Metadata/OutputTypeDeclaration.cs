namespace Containers.HelpBuilder.Metadata
{
    /// <summary>One type an [OutputType] attribute names, and the parameter sets it is limited to (none: every set).</summary>
    public sealed class OutputTypeDeclaration
    {
        public OutputTypeDeclaration(string typeName, IReadOnlyList<string> parameterSets)
        {
            TypeName = typeName;
            ParameterSets = parameterSets;
        }

        /// <summary>The type's full name, such as Containers.Models.Container.</summary>
        public string TypeName { get; }

        public IReadOnlyList<string> ParameterSets { get; }

        public override string ToString() => TypeName;
    }
}

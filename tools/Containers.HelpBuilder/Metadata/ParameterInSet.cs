namespace Containers.HelpBuilder.Metadata
{
    /// <summary>A parameter together with how it binds in one particular parameter set.</summary>
    public sealed class ParameterInSet
    {
        public ParameterInSet(ParameterDefinition parameter, ParameterBinding binding)
        {
            Parameter = parameter;
            Binding = binding;
        }

        public ParameterDefinition Parameter { get; }

        public ParameterBinding Binding { get; }

        public override string ToString() => Parameter.ToString();
    }
}

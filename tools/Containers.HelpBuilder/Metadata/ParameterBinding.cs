using System.Reflection;

namespace Containers.HelpBuilder.Metadata
{
    /// <summary>One [Parameter] attribute: how a parameter binds in one parameter set.</summary>
    public sealed class ParameterBinding
    {
        /// <summary>The set name PowerShell gives parameters that name no set: they belong to every set.</summary>
        public const string AllSets = "__AllParameterSets";

        public ParameterBinding(string setName, bool mandatory, int? position, bool fromPipeline, bool fromPipelineByPropertyName)
        {
            SetName = setName;
            Mandatory = mandatory;
            Position = position;
            FromPipeline = fromPipeline;
            FromPipelineByPropertyName = fromPipelineByPropertyName;
        }

        public string SetName { get; }

        public bool Mandatory { get; }

        /// <summary>Null when the parameter is named only.</summary>
        public int? Position { get; }

        public bool FromPipeline { get; }

        public bool FromPipelineByPropertyName { get; }

        internal static ParameterBinding From(CustomAttributeData parameter) =>
            new ParameterBinding(
                AttributeData.Named<string>(parameter, "ParameterSetName") ?? AllSets,
                AttributeData.Named<bool>(parameter, "Mandatory"),
                AttributeData.Has(parameter, "Position") ? AttributeData.Named<int>(parameter, "Position") : null,
                AttributeData.Named<bool>(parameter, "ValueFromPipeline"),
                AttributeData.Named<bool>(parameter, "ValueFromPipelineByPropertyName"));
    }
}

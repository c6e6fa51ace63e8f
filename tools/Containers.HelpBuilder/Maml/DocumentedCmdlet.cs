using Containers.HelpBuilder.Metadata;
using Containers.HelpBuilder.Pages;

namespace Containers.HelpBuilder.Maml
{
    /// <summary>A cmdlet and its page: the assembly gives the facts, the page the words.</summary>
    public sealed class DocumentedCmdlet
    {
        public DocumentedCmdlet(CmdletDefinition cmdlet, CommandPage page)
        {
            Cmdlet = cmdlet;
            Page = page;
        }

        public CmdletDefinition Cmdlet { get; }

        public CommandPage Page { get; }

        public override string ToString() => Cmdlet.Name;
    }
}

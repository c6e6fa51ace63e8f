using Containers.HelpBuilder.Checks;
using Containers.HelpBuilder.Maml;
using Containers.HelpBuilder.Pages;

namespace Containers.HelpBuilder
{
    /// <summary>What one run of the builder found and produced.</summary>
    public sealed class HelpBuildResult
    {
        public HelpBuildResult(IReadOnlyList<CommandPage> pages, IReadOnlyList<DocumentedCmdlet> documented, IReadOnlyList<HelpProblem> problems, IReadOnlyList<GeneratedFile> files)
        {
            Pages = pages;
            Documented = documented;
            Problems = problems;
            Files = files;
        }

        public IReadOnlyList<CommandPage> Pages { get; }

        /// <summary>The cmdlets that have a page, by name.</summary>
        public IReadOnlyList<DocumentedCmdlet> Documented { get; }

        /// <summary>Disagreements between pages and cmdlets; the builder writes nothing while there are any.</summary>
        public IReadOnlyList<HelpProblem> Problems { get; }

        /// <summary>The MAML, the about topics as text, and every cmdlet page with its SYNTAX section refreshed.</summary>
        public IReadOnlyList<GeneratedFile> Files { get; }
    }
}

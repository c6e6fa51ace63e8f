namespace Containers.HelpBuilder.Checks
{
    /// <summary>What is wrong between a help page and its cmdlet, so tests can report each kind on its own.</summary>
    public enum HelpProblemKind
    {
        /// <summary>A cmdlet has no docs/Verb-Noun.md.</summary>
        MissingPage,

        /// <summary>A docs/Verb-Noun.md names no cmdlet of the assembly.</summary>
        PageWithoutCmdlet,

        /// <summary>The page does not follow platyPS's shape (headings, front matter, title, empty sections).</summary>
        PageShape,

        /// <summary>A parameter of the cmdlet has no "### -Name" section, or an empty one.</summary>
        UndescribedParameter,

        /// <summary>The page describes a parameter the cmdlet does not have.</summary>
        UnknownParameter,

        /// <summary>Fewer than two examples, or an example without code.</summary>
        MissingExample,

        /// <summary>An example calls a cmdlet of the module with a parameter it lacks, or a cmdlet the module lacks.</summary>
        ExampleDrift,

        /// <summary>OUTPUTS does not name the types the cmdlet's [OutputType] declares, or names others.</summary>
        OutputTypeMismatch,

        /// <summary>A RELATED LINKS entry points at a page that does not exist.</summary>
        BrokenLink,
    }
}

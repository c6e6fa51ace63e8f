using Containers.HelpBuilder;
using Xunit;

namespace Containers.Tests.Help
{
    /// <summary>
    /// The committed help is what the builder makes of the current docs/ and cmdlets, byte for byte: a parameter added,
    /// renamed or rebound without regenerating fails here, with the command that fixes it.
    /// </summary>
    public class GeneratedHelpTests : IClassFixture<HelpFixture>
    {
        private readonly HelpFixture _help;

        public GeneratedHelpTests(HelpFixture help)
        {
            _help = help;
        }

        [Fact]
        public void The_committed_help_files_are_what_the_builder_produces_now()
        {
            var stale = _help.Build.Files.Where(file => !file.IsCurrent(_help.RepositoryRoot)).Select(file => file.RelativePath).ToList();
            Assert.True(
                stale.Count == 0,
                $"Out of date: {string.Join(", ", stale)}.\n"
                + $"Regenerate from the repository root with `{HelpBuild.RegenerateCommand}` and commit the result"
                + (_help.Build.Problems.Count > 0 ? "; first fix what the other Help tests report, or the builder writes nothing." : "."));
        }

        [Fact]
        public void The_help_folder_holds_only_generated_files()
        {
            string folder = Path.Combine(_help.RepositoryRoot, HelpBuild.HelpFolder);
            var generated = _help.Build.Files.Select(file => file.RelativePath).ToHashSet(StringComparer.Ordinal);
            var extra = Directory.GetFiles(folder)
                .Select(path => HelpBuild.HelpFolder + "/" + Path.GetFileName(path))
                .Where(path => !generated.Contains(path))
                .ToList();
            HelpAssert.None(extra, "Files in en-US/ the builder does not produce (remove them, or add their source to docs/)");
        }

        [Fact]
        public void Building_twice_gives_the_same_bytes() =>
            Assert.Equal(
                _help.Build.Files.Select(file => file.RelativePath + "\n" + file.Content),
                HelpBuild.Run(_help.Cmdlets, _help.RepositoryRoot).Files.Select(file => file.RelativePath + "\n" + file.Content));

        [Fact]
        public void The_about_topic_is_built_and_wrapped_for_the_console()
        {
            string topic = _help.Build.Files.Single(file => file.RelativePath == HelpBuild.HelpFolder + "/about_Containers.help.txt").Content;
            Assert.StartsWith("TOPIC\n    about_Containers\n", topic, StringComparison.Ordinal);
            Assert.Contains("\nSHORT DESCRIPTION\n", topic, StringComparison.Ordinal);
            Assert.Contains("\nLONG DESCRIPTION\n", topic, StringComparison.Ordinal);
            HelpAssert.None(
                topic.Split('\n').Where(line => line.Length > 80),
                "Lines of about_Containers.help.txt longer than 80 columns (shorten the code in docs/about_Containers.md)");
        }
    }
}

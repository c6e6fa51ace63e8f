using System.Text.RegularExpressions;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Module
{
    /// <summary>
    /// Every cmdlet the module exports is run through PowerShell by at least one test of this project: its name appears in
    /// a test's script outside this file and the fixtures (whose clean-up runs several). A new cmdlet without such a test fails here, naming it.
    /// </summary>
    public sealed class CmdletCoverageTests
    {
        [Fact]
        public async Task Every_exported_cmdlet_is_driven_by_a_test_of_this_project()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string[] exported = session.Run("(Get-Module Containers).ExportedCmdlets.Keys").AssertNoErrors()
                .Output.Select(item => (string)item.BaseObject).ToArray();

            string root = RepositoryFiles.Root;
            string testsFolder = Path.Combine(root, "tests", "Containers.PowerShell.Tests");
            string sources = string.Join("\n", Directory.EnumerateFiles(testsFolder, "*.cs", SearchOption.AllDirectories)
                .Where(file => !file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && !file.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && !file.Contains(Path.DirectorySeparatorChar + "Fixtures" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && Path.GetFileName(file) != nameof(CmdletCoverageTests) + ".cs")
                .Select(File.ReadAllText));

            string[] untested = exported
                .Where(name => !Regex.IsMatch(sources, @"(?<![\w-])" + Regex.Escape(name) + @"(?![\w-])", RegexOptions.IgnoreCase))
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToArray();
            Assert.True(untested.Length == 0, "No test of this project runs: " + string.Join(", ", untested));
        }
    }
}

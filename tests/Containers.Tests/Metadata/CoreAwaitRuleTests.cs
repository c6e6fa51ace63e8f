using System.Text.RegularExpressions;
using Xunit;

namespace Containers.Tests.Metadata
{
    /// <summary>
    /// The core's await rule (README, "Awaiting in the core"): no ConfigureAwait, and no waiting for a task. A core method
    /// resumes on the context its caller runs it on: under the cmdlets that is the pipeline thread, which
    /// PipelineThreadContext pumps until the command's task ends, so what the core writes after an await is written from
    /// the one thread PowerShell takes output from, in order and without a blocking hop per write. Waiting for a task
    /// (.Wait(), .Result, GetAwaiter().GetResult()) on that thread is what could deadlock, whatever host runs the
    /// pipeline. Read from the sources, less comments and strings; Provisioning, leaving the core for an assembly of its
    /// own, is not held to it here.
    /// </summary>
    public class CoreAwaitRuleTests
    {
        // Completers run on PowerShell's thread outside any command; this one waits, with a time limit, for a task it
        // started with Task.Run, which has no context to come back to.
        private static readonly Dictionary<string, int> Allowed = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["Completion/EngineNameCompleter.cs"] = 2,
        };

        private static readonly Regex Comments = new Regex(@"/\*.*?\*/|//[^\n]*", RegexOptions.Singleline);

        private static readonly Regex Strings = new Regex(@"@""(?:[^""]|"""")*""|""(?:\\.|[^""\\\n])*""|'(?:\\.|[^'\\\n])+'");

        private static readonly Regex Breaches = new Regex(@"\bConfigureAwait\s*\(|\.\s*Wait(?:All|Any)?\s*\(|\.\s*Result\b|\bGetAwaiter\s*\(\s*\)\s*\.\s*GetResult\b");

        /// <summary>Where <paramref name="source"/> configures an await or waits for a task, comments and strings aside.</summary>
        public static IReadOnlyList<string> BreachesIn(string source) =>
            Breaches.Matches(Comments.Replace(Strings.Replace(source, "\"\""), string.Empty)).Select(match => match.Value).ToList();

        [Theory]
        [InlineData("var x = await client.GetAsync(token).ConfigureAwait(false);", 1)]
        [InlineData("int n = reader.ReadAsync(buffer).Result;", 1)]
        [InlineData("task.Wait(); Task.WaitAll(tasks); work().GetAwaiter().GetResult();", 3)]
        [InlineData("// no .ConfigureAwait(false) here: it resumes on the pipeline thread\nawait next;", 0)]
        [InlineData("output.WriteVerbose(\"call .Result or .Wait() and it hangs\"); await reader.ReadAsync(buffer);", 0)]
        public void The_scan_finds_configured_awaits_and_waits_and_nothing_in_comments_or_strings(string source, int breaches)
        {
            Assert.Equal(breaches, BreachesIn(source).Count);
        }

        [Fact]
        public void The_core_never_configures_an_await_nor_waits_for_a_task()
        {
            string core = Path.Combine(CmdletMetadata.SettingOf("RepositoryRoot"), "src", "Containers.Core");
            List<string> files = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(core, path).Replace('\\', '/'))
                .Where(path => !path.StartsWith("obj/", StringComparison.Ordinal) && !path.StartsWith("bin/", StringComparison.Ordinal) && !path.StartsWith("Provisioning/", StringComparison.Ordinal))
                .ToList();
            Assert.Contains("Commands/Containers/GetContainerLogCommand.cs", files);

            List<string> breaches = files
                .Select(path => (Path: path, Breaches: BreachesIn(File.ReadAllText(Path.Combine(core, path)))))
                .Where(file => file.Breaches.Count != (Allowed.TryGetValue(file.Path, out int allowed) ? allowed : 0))
                .Select(file => file.Path + ": " + string.Join(", ", file.Breaches))
                .ToList();
            Assert.True(breaches.Count == 0, "Awaits in the core resume where their caller runs them, and never wait:\n" + string.Join("\n", breaches));
        }
    }
}

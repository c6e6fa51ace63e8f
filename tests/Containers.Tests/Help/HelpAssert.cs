using Containers.HelpBuilder.Checks;
using Xunit;

namespace Containers.Tests.Help
{
    /// <summary>Failures that list every problem in full, one per line, instead of a truncated collection.</summary>
    internal static class HelpAssert
    {
        public static void None(IEnumerable<HelpProblem> problems, string what) =>
            None(problems.Select(p => p.Message), what);

        public static void None(IEnumerable<string> problems, string what)
        {
            List<string> list = problems.ToList();
            Assert.True(list.Count == 0, $"{what}:\n  " + string.Join("\n  ", list));
        }
    }
}

using Containers.Completion;
using Xunit;

namespace Containers.Tests.Core.Completion
{
    /// <summary>What completion tests share.</summary>
    internal static class CompletionAssert
    {
        /// <summary>
        /// The time limit for tests that expect names back. A typing user gets one second; the whole suite running in
        /// parallel on two cores can starve the thread pool for longer, which is not what these tests are about. The
        /// one-second limit itself is tested against engines that never answer.
        /// </summary>
        public static readonly System.TimeSpan Patient = System.TimeSpan.FromSeconds(20);

        public static void WellFormed(IEnumerable<CompletionItem> items)
        {
            foreach (CompletionItem item in items)
            {
                Assert.False(string.IsNullOrEmpty(item.CompletionText));
                Assert.False(string.IsNullOrEmpty(item.ListItemText));
                Assert.False(string.IsNullOrEmpty(item.ToolTip));
            }
        }
    }
}

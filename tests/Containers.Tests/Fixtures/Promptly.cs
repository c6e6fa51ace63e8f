namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// The bound for "it ended promptly" (after a cancel, a stop, a detach, a refused or unreachable engine). The tests run
    /// on a loaded 2-core machine, xunit four threads at a time beside other builds, where a thread can wait a second or
    /// more to be scheduled: so the clock starts at the cancel and stops at the return, and the bound is several seconds.
    /// It still tells a prompt end from a hang or a wait-out, because every such test cancels something that left alone
    /// would run far longer (a followed stream that never ends, a 30 s or 300 s sleep, an engine that never answers).
    /// </summary>
    internal static class Promptly
    {
        public static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);
    }
}

using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Reliability
{
    /// <summary>
    /// Runs a command while its engine is killed under it, the kill driven by what the command does (its first object,
    /// a progress record, its file growing), never by a sleep; then checks what a dead engine must give: a connection
    /// error, no result, no file.
    /// </summary>
    internal static class KilledEngineRun
    {
        /// <summary>Long enough for a loaded machine; a command that outlives its dead engine by this much hangs.</summary>
        private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

        /// <summary>Runs <paramref name="script"/>; <paramref name="killWhen"/> sees each record as it is written and says when to kill.</summary>
        public static Task<RunResult> RunAsync(ModuleSession session, KillableEngine engine, string script, IReadOnlyDictionary<string, object?> variables, Func<object, bool> killWhen) =>
            BoundedAsync(script, Task.Run(() => session.Run(script, variables, written =>
            {
                if (killWhen(written))
                {
                    engine.Kill();
                }
            })));

        /// <summary>
        /// Runs <paramref name="script"/> and kills the engine as soon as the file it writes in <paramref name="folder"/>
        /// grows: when the command reports its first bytes written (a progress record, written after the first chunk),
        /// or when a file there is seen to have bytes, whichever comes first on a loaded machine.
        /// </summary>
        public static async Task<RunResult> RunUntilFileGrowsAsync(ModuleSession session, KillableEngine engine, string script, IReadOnlyDictionary<string, object?> variables, string folder)
        {
            Task<RunResult> running = Task.Run(() => session.Run(script, variables, written =>
            {
                if (written is ProgressRecord record && record.RecordType == ProgressRecordType.Processing)
                {
                    engine.Kill();
                }
            }));
            while (!running.IsCompleted)
            {
                if (new DirectoryInfo(folder).EnumerateFiles("*", new EnumerationOptions { AttributesToSkip = 0 }).Any(file => file.Length > 0))
                {
                    engine.Kill();
                    break;
                }

                await Task.Delay(5);
            }

            return await BoundedAsync(script, running);
        }

        private static async Task<RunResult> BoundedAsync(string script, Task<RunResult> running)
        {
            if (await Task.WhenAny(running, Task.Delay(Bound)) != running)
            {
                throw new TimeoutException($"Still running {Bound.TotalMinutes} minutes after its engine was killed: {script}");
            }

            return await running;
        }

        /// <summary>
        /// The engine was killed while the command ran (else the test proved nothing), and the command reported it as a
        /// connection error, and only that; wrote no result unless <paramref name="whatArrivedIsTrue"/> (log lines,
        /// events, readings that came before the kill); and left nothing in <paramref name="folder"/>.
        /// </summary>
        public static void AssertEndedByTheKill(string cmdlet, KillableEngine engine, RunResult result, bool whatArrivedIsTrue = false, string? folder = null)
        {
            Assert.True(engine.Killed, $"{cmdlet}: the engine was never killed (the command ended before it flowed). Output: {result.Text}. {result.Describe()}");
            IReadOnlyList<ErrorRecord> errors = result.AllErrors;
            Assert.True(errors.Count > 0, $"{cmdlet}: no error after its engine was killed. Output: {result.Text}");
            Assert.True(errors.All(error => error.CategoryInfo.Category == ErrorCategory.ConnectionError), $"{cmdlet}: {result.Describe()}");
            if (!whatArrivedIsTrue)
            {
                Assert.True(result.Output.Count == 0, $"{cmdlet} reported a result after its engine was killed: {result.Text}");
            }

            if (folder != null)
            {
                Assert.Empty(Directory.GetFileSystemEntries(folder));
            }
        }
    }
}

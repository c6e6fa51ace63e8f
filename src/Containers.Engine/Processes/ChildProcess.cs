using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Containers.Engine.Processes
{
    /// <summary>
    /// What every short-lived program the module runs (credential helpers, ssh) needs: its input written and closed
    /// even when it exits without reading it, and a time limit after which it is killed (its children with it where the
    /// runtime can) and never waited for again, so a hung program cannot hang the pipeline.
    /// </summary>
    internal static class ChildProcess
    {
        // Process.Kill(bool entireProcessTree) exists on every .NET (Core) runtime PowerShell 7 runs on, but not in
        // netstandard2.0's surface; without it a script's own children would live on.
        private static readonly MethodInfo? KillTree = typeof(Process).GetMethod("Kill", BindingFlags.Public | BindingFlags.Instance, null, new[] { typeof(bool) }, null);

        /// <summary>Waits for <paramref name="finished"/>; when the limit passes or the caller cancels first, kills the program.</summary>
        /// <param name="pending">The program's stream tasks, abandoned (their failures observed) when it is killed.</param>
        /// <exception cref="TimeoutException">It did not finish within <paramref name="timeout"/>; it was killed.</exception>
        /// <exception cref="OperationCanceledException">The caller cancelled; it was killed.</exception>
        public static async Task WaitOrKillAsync(Process process, Task finished, TimeSpan timeout, CancellationToken cancellationToken, params Task[] pending)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            var gaveUp = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (limit.Token.Register(() => gaveUp.TrySetResult(true)))
            {
                if (await Task.WhenAny(finished, gaveUp.Task).ConfigureAwait(false) != finished)
                {
                    Kill(process);
                    foreach (Task task in pending)
                    {
                        Abandon(task);
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    throw new TimeoutException();
                }
            }

            await finished.ConfigureAwait(false);
        }

        /// <summary>How a client program is started: no window, no shell, all three standard streams ours, text as UTF-8.</summary>
        public static ProcessStartInfo Redirected(string program, IEnumerable<string> arguments) => new ProcessStartInfo(program, CommandLineQuoting.Join(arguments))
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };

        /// <summary>Writes the input and closes the program's standard input, so it sees the end of it.</summary>
        public static async Task WriteInputAsync(Stream stream, byte[] input)
        {
            try
            {
                await stream.WriteAsync(input, 0, input.Length).ConfigureAwait(false);
                await stream.FlushAsync().ConfigureAwait(false);
            }
            catch (IOException)
            {
                // The program exited without reading its input; its exit code and output say why.
            }
            finally
            {
                try
                {
                    stream.Dispose();
                }
                catch (IOException)
                {
                    // Same: a broken pipe on close.
                }
            }
        }

        /// <summary>Kills the program, and its children where the runtime can; one that exited already is left alone.</summary>
        public static void Kill(Process process)
        {
            try
            {
                if (KillTree != null)
                {
                    KillTree.Invoke(process, new object[] { true });
                }
                else
                {
                    process.Kill();
                }
            }
            catch (Exception e) when (e is InvalidOperationException || e is System.ComponentModel.Win32Exception || e is TargetInvocationException || e is NotSupportedException)
            {
                // It exited on its own meanwhile, or cannot be killed by us: either way it is abandoned.
            }
        }

        // A grandchild that inherited the pipes may keep these reads pending; nobody awaits them, so their failure
        // must not surface later as an unobserved exception.
        private static void Abandon(Task task) => task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }
}

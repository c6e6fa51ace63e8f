using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Containers.Engine.Credentials
{
    /// <summary>
    /// Runs a short-lived program with one argument and a payload on its standard input, and collects what it writes,
    /// under a time limit. A program that outlives the limit (or the caller's cancellation) is killed, its children with
    /// it where the runtime can, and never waited for again: a hung keychain prompt must not hang the pipeline.
    /// </summary>
    internal static class HelperProcess
    {
        // Process.Kill(bool entireProcessTree) exists on every .NET (Core) runtime PowerShell 7 runs on, but not in
        // netstandard2.0's surface; without it a helper script's own children would live on.
        private static readonly MethodInfo? KillTree = typeof(Process).GetMethod("Kill", BindingFlags.Public | BindingFlags.Instance, null, new[] { typeof(bool) }, null);

        /// <exception cref="TimeoutException">The program did not finish within <paramref name="timeout"/>; it was killed.</exception>
        /// <exception cref="OperationCanceledException">The caller cancelled; the program was killed.</exception>
        /// <exception cref="System.ComponentModel.Win32Exception">The program could not be started.</exception>
        public static async Task<HelperProcessResult> RunAsync(string program, string argument, byte[] input, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var start = new ProcessStartInfo(program, argument)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                CreateNoWindow = true,
            };

            using var process = new Process { StartInfo = start, EnableRaisingEvents = true };
            var exited = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            process.Exited += (_, _) => exited.TrySetResult(true);
            process.Start();

            Task<byte[]> output = ReadAllAsync(process.StandardOutput.BaseStream);
            Task<byte[]> error = ReadAllAsync(process.StandardError.BaseStream);
            Task written = WriteInputAsync(process.StandardInput.BaseStream, input);
            Task finished = Task.WhenAll(exited.Task, output, error, written);

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            var gaveUp = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (limit.Token.Register(() => gaveUp.TrySetResult(true)))
            {
                if (await Task.WhenAny(finished, gaveUp.Task).ConfigureAwait(false) != finished)
                {
                    Kill(process);
                    Abandon(output);
                    Abandon(error);
                    Abandon(written);
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new TimeoutException();
                }
            }

            await finished.ConfigureAwait(false);
            return new HelperProcessResult(process.ExitCode, Decode(output.Result), Decode(error.Result));
        }

        private static async Task<byte[]> ReadAllAsync(Stream stream)
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer).ConfigureAwait(false);
            return buffer.ToArray();
        }

        private static async Task WriteInputAsync(Stream stream, byte[] input)
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

        private static void Kill(Process process)
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

        private static string Decode(byte[] bytes) => new UTF8Encoding(false).GetString(bytes);
    }
}

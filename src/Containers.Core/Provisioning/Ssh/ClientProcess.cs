using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Containers.Provisioning.Ssh
{
    /// <summary>
    /// Runs one OpenSSH client program to completion: the input written to its standard input (then closed), its
    /// standard output collected, its standard error handed over line by line as it arrives. When the time limit passes
    /// or the caller cancels, the program is killed: closing ssh closes the connection, and sshd then ends the remote
    /// shell's session.
    /// </summary>
    internal static class ClientProcess
    {
        // Process.Kill(bool entireProcessTree) exists on every runtime PowerShell 7 runs on, but not in netstandard2.0.
        private static readonly MethodInfo? KillTree = typeof(Process).GetMethod("Kill", BindingFlags.Public | BindingFlags.Instance, null, new[] { typeof(bool) }, null);

        public sealed class Outcome
        {
            public Outcome(int exitCode, string standardOutput)
            {
                ExitCode = exitCode;
                StandardOutput = standardOutput;
            }

            public int ExitCode { get; }

            public string StandardOutput { get; }
        }

        /// <exception cref="TimeoutException">It did not finish within <paramref name="timeout"/>; it was killed.</exception>
        /// <exception cref="OperationCanceledException">The caller cancelled; it was killed.</exception>
        /// <exception cref="System.ComponentModel.Win32Exception">It could not be started.</exception>
        public static async Task<Outcome> RunAsync(string program, IEnumerable<string> arguments, byte[] input, Action<string> onErrorLine, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var start = new ProcessStartInfo(program, CommandLineQuoting.Join(arguments))
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                CreateNoWindow = true,
                StandardOutputEncoding = new UTF8Encoding(false),
                StandardErrorEncoding = new UTF8Encoding(false),
            };

            using var process = new Process { StartInfo = start, EnableRaisingEvents = true };
            var exited = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            process.Exited += (_, _) => exited.TrySetResult(true);
            cancellationToken.ThrowIfCancellationRequested();
            process.Start();

            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task error = ReadLinesAsync(process.StandardError, onErrorLine);
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
            process.WaitForExit();
            return new Outcome(process.ExitCode, output.Result);
        }

        private static async Task ReadLinesAsync(StreamReader reader, Action<string> onLine)
        {
            string? line;
            while ((line = await reader.ReadLineAsync().ConfigureAwait(false)) != null)
            {
                onLine(line);
            }
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
                // ssh exited without reading it all (it could not connect); its exit code and messages say why.
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
                // It exited on its own meanwhile.
            }
        }

        // Nobody awaits these once the program is killed; their failure must not surface later as an unobserved exception.
        private static void Abandon(Task task) => task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }
}

using System.Diagnostics;
using System.Text;

namespace Containers.Engine.Processes
{
    /// <summary>
    /// Runs one client program (ssh, ssh-keyscan) to completion: the input written to its standard input (then closed),
    /// its standard output collected, its standard error handed over line by line as it arrives. When the time limit
    /// passes or the caller cancels, the program is killed: closing ssh closes the connection, and sshd then ends the
    /// remote shell's session.
    /// </summary>
    internal static class ClientProcess
    {
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
            using var process = new Process { StartInfo = ChildProcess.Redirected(program, arguments), EnableRaisingEvents = true };
            var exited = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            process.Exited += (_, _) => exited.TrySetResult(true);
            cancellationToken.ThrowIfCancellationRequested();
            process.Start();

            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task error = ReadLinesAsync(process.StandardError, onErrorLine);
            Task written = ChildProcess.WriteInputAsync(process.StandardInput.BaseStream, input);
            Task finished = Task.WhenAll(exited.Task, output, error, written);

            await ChildProcess.WaitOrKillAsync(process, finished, timeout, cancellationToken, output, error, written).ConfigureAwait(false);
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
    }
}

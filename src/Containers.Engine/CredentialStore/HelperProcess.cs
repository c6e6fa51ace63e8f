using System.Diagnostics;
using System.Text;
using Containers.Engine.Processes;

namespace Containers.Engine.CredentialStore
{
    /// <summary>
    /// Runs a short-lived program with one argument and a payload on its standard input, and collects what it writes,
    /// under a time limit. A program that outlives the limit (or the caller's cancellation) is killed, its children with
    /// it where the runtime can, and never waited for again: a hung keychain prompt must not hang the pipeline.
    /// </summary>
    internal static class HelperProcess
    {

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
            Task written = ChildProcess.WriteInputAsync(process.StandardInput.BaseStream, input);
            Task finished = Task.WhenAll(exited.Task, output, error, written);

            await ChildProcess.WaitOrKillAsync(process, finished, timeout, cancellationToken, output, error, written).ConfigureAwait(false);
            return new HelperProcessResult(process.ExitCode, Decode(output.Result), Decode(error.Result));
        }

        private static async Task<byte[]> ReadAllAsync(Stream stream)
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer).ConfigureAwait(false);
            return buffer.ToArray();
        }

        private static string Decode(byte[] bytes) => new UTF8Encoding(false).GetString(bytes);
    }
}

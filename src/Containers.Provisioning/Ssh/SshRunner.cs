using System.Text;
using Containers.Engine.Processes;
using Containers.Engine.Ssh;

namespace Containers.Provisioning.Ssh
{
    /// <summary>
    /// Runs a script on a remote host over one ssh connection, non-interactively: the script goes to <c>sh -s</c> on
    /// standard input, its output and exit code come back. The host key is checked against the pinned one, or on first
    /// contact accepted and returned for the store to pin. A time limit or the caller's cancellation kills the client.
    /// </summary>
    public sealed class SshRunner
    {
        /// <summary>What the runner's preamble writes to standard error once the remote shell runs: from here on, the exit code is the script's.</summary>
        internal const string ConnectedMarker = "##containers:connected";

        /// <summary>What <c>step NAME</c> writes to standard error.</summary>
        internal const string StepMarker = "##containers:step ";

        // The script runs inside braces, so sh reads all of it before running any of it and a command in it that reads
        // standard input (a package manager asking something) gets /dev/null instead of the rest of the script.
        private const string Preamble = "printf '%s\\n' '" + ConnectedMarker + "' >&2\nstep() { printf '" + StepMarker + "%s\\n' \"$*\" >&2; }\n{\n";
        private const string Postamble = "\n} </dev/null\n";

        private readonly string? _clientPath;

        /// <param name="clientPath">The ssh program; default the one <see cref="SshException.FindClient"/> finds.</param>
        public SshRunner(string? clientPath = null)
        {
            _clientPath = clientPath;
        }

        public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMinutes(10);

        /// <summary>Runs the script; a non-zero exit of the script is returned (see <see cref="SshResult.EnsureSuccess"/>), every other failure thrown.</summary>
        /// <param name="timeout">For the whole run, connection included; default <see cref="DefaultTimeout"/> (an engine install can take minutes).</param>
        /// <param name="steps">Told the name of each step as the script starts it.</param>
        /// <exception cref="ArgumentException">The connection is incomplete, or its key file does not exist.</exception>
        /// <exception cref="SshException">ssh is missing, the host is unreachable, refuses the key, presents another host key, or the time limit passed.</exception>
        /// <exception cref="OperationCanceledException">Cancelled; ssh was killed.</exception>
        public async Task<SshResult> RunAsync(SshConnection connection, SshScript script, TimeSpan? timeout = null, IProgress<string>? steps = null, CancellationToken cancellationToken = default)
        {
            connection.Validate();
            if (!File.Exists(connection.IdentityFile))
            {
                throw new ArgumentException($"The SSH key file '{connection.IdentityFile}' does not exist.", nameof(connection));
            }

            string program = _clientPath ?? SshException.FindClient("ssh");
            using var knownHostsFile = new SshKnownHostsFile(connection.HostKey);
            string knownHosts = knownHostsFile.Path;

            string remoteCommand = script.AsRoot && connection.User != "root" ? "sudo -n sh -s" : "sh -s";
            byte[] input = new UTF8Encoding(false).GetBytes(Preamble + script.Text.Replace("\r\n", "\n") + Postamble);

            bool connected = false;
            var stepNames = new List<string>();
            var error = new StringBuilder();
            var client = new StringBuilder();
            void OnErrorLine(string line)
            {
                if (!connected && line != ConnectedMarker)
                {
                    // The note that a first contact's key was accepted is what the caller asked for, not news.
                    if (!line.StartsWith("Warning: Permanently added", StringComparison.Ordinal))
                    {
                        client.Append(line).Append('\n');
                    }
                }
                else if (line == ConnectedMarker)
                {
                    connected = true;
                }
                else if (connected && line.StartsWith(StepMarker, StringComparison.Ordinal))
                {
                    string name = line.Substring(StepMarker.Length);
                    lock (stepNames)
                    {
                        stepNames.Add(name);
                    }

                    steps?.Report(name);
                }
                else
                {
                    error.Append(line).Append('\n');
                }
            }

            TimeSpan limit = timeout ?? DefaultTimeout;
            ClientProcess.Outcome outcome;
            try
            {
                outcome = await ClientProcess.RunAsync(program, SshArguments.Build(connection, knownHosts, remoteCommand), input, OnErrorLine, limit, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException e)
            {
                string where = stepNames.Count > 0 ? $" in its step '{stepNames[stepNames.Count - 1]}'" : connected ? string.Empty : " (it had not connected yet)";
                throw new SshException(SshFailure.TimedOut, $"The remote script '{script.Name}' on {connection} did not finish within {limit.TotalSeconds:0} s{where}; ssh was stopped.", null, e);
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new SshException(SshFailure.ClientNotFound, $"The OpenSSH client '{program}' could not be started: {e.Message}", null, e);
            }

            var result = new SshResult(connection, script, outcome.ExitCode, outcome.StandardOutput, connected ? error.ToString() : client.ToString(), stepNames, connection.HostKey ?? knownHostsFile.Read());
            if (!connected)
            {
                throw SshClientErrors.Classify(connection, client.ToString(), outcome.ExitCode, result);
            }

            return result;
        }
    }
}

using System.ComponentModel;
using System.Diagnostics;
using Containers.Engine.Processes;
using Containers.Engine.Ssh;

namespace Containers.Engine.Transport
{
    /// <summary>
    /// Reaches an ssh:// engine as the docker CLI does: each connection is one <c>ssh [-l USER] [-p PORT] HOST docker
    /// system dial-stdio</c>, whose standard input and output carry HTTP to the engine on that host. The user's own SSH
    /// setup (config, keys, agent, known_hosts) logs in; nothing is ever asked (BatchMode) and a host whose key
    /// known_hosts does not hold is refused. Connecting ends when ssh has logged in, within the connect timeout.
    /// </summary>
    internal sealed class SshConnector : IStreamConnector
    {
        /// <summary>An ssh config file to read instead of ~/.ssh/config, for every ssh:// engine of the process.</summary>
        public const string ConfigVariable = "CONTAINERS_SSH_CONFIG";

        /// <summary>What runs on the host: the docker CLI relaying its standard input and output to the engine there.</summary>
        public const string RemoteCommand = "docker system dial-stdio";

        private readonly EngineEndpoint _endpoint;
        private readonly TimeSpan _connectTimeout;
        private readonly string? _configFile;
        private readonly ISshPinnedHosts? _pinnedHosts;
        private readonly string? _clientPath;

        /// <param name="configFile">The ssh config file; null for <see cref="ConfigVariable"/>'s, else the user's own.</param>
        /// <param name="pinnedHosts">Hosts reached with the key the module pinned for them instead of known_hosts.</param>
        /// <param name="clientPath">The ssh program; null for the one on the PATH.</param>
        public SshConnector(EngineEndpoint endpoint, TimeSpan connectTimeout, string? configFile = null, ISshPinnedHosts? pinnedHosts = null, string? clientPath = null)
        {
            _endpoint = endpoint;
            _connectTimeout = connectTimeout;
            _configFile = configFile;
            _pinnedHosts = pinnedHosts;
            _clientPath = clientPath;
        }

        public string Description => _endpoint.ToString();

        public async Task<EngineStream> ConnectAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string program = _clientPath ?? SshClientProgram.TryFind("ssh")
                ?? throw SshEngineFailures.ClientMissing(_endpoint, SshClientProgram.NotFoundMessage("ssh"));
            SshConnection? pinned = _pinnedHosts?.Find(_endpoint.Host!, _endpoint.Port == 0 ? SshConnection.DefaultPort : _endpoint.Port);
            // ssh reads the pinned key before it logs in; the file can go once connecting is over.
            using SshKnownHostsFile? knownHosts = pinned == null ? null : new SshKnownHostsFile(pinned.HostKey);
            IReadOnlyList<string> arguments = pinned == null
                ? SshArguments.BuildForUserSetup(
                    _endpoint.User, _endpoint.Host!, _endpoint.Port == 0 ? (int?)null : _endpoint.Port, _connectTimeout,
                    _configFile ?? NonEmpty(Environment.GetEnvironmentVariable(ConfigVariable)), RemoteCommand)
                : SshArguments.Build(
                    new SshConnection
                    {
                        Address = _endpoint.Host!,
                        Port = pinned.Port,
                        User = _endpoint.User ?? pinned.User,
                        IdentityFile = pinned.IdentityFile,
                        HostKey = pinned.HostKey,
                        ConnectTimeout = _connectTimeout,
                    },
                    knownHosts!.Path,
                    RemoteCommand,
                    "VERBOSE");

            var process = new Process { StartInfo = ChildProcess.Redirected(program, arguments), EnableRaisingEvents = true };
            var exited = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            process.Exited += (_, _) => exited.TrySetResult(true);
            try
            {
                process.Start();
            }
            catch (Win32Exception e)
            {
                process.Dispose();
                throw SshEngineFailures.ClientMissing(_endpoint, $"the OpenSSH client '{program}' could not be started: {e.Message}");
            }

            var errors = new SshErrorOutput(process.StandardError);
            var stream = new SshProcessStream(_endpoint, process, errors, exited.Task);
            bool connected = false;
            try
            {
                // ssh's own ConnectTimeout bounds the TCP connect and the handshake; this bounds the login as well.
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                limit.CancelAfter(_connectTimeout);
                var gaveUp = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                using (limit.Token.Register(() => gaveUp.TrySetResult(true)))
                {
                    Task first = await Task.WhenAny(errors.Authenticated, exited.Task, gaveUp.Task).ConfigureAwait(false);
                    if (first == errors.Authenticated)
                    {
                        connected = true;
                        return new EngineStream(stream, stream.CloseInputAsync);
                    }

                    if (first == exited.Task)
                    {
                        // What ssh said is complete once its standard error has ended, which follows its exit.
                        await Task.WhenAny(errors.Drained, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
                        throw SshEngineFailures.BeforeLogin(_endpoint, errors.Text, process.ExitCode, pinned);
                    }
                }

                cancellationToken.ThrowIfCancellationRequested();
                throw SshEngineFailures.TimedOut(_endpoint, _connectTimeout, errors.Text);
            }
            finally
            {
                if (!connected)
                {
                    stream.Dispose();
                }
            }
        }

        private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Containers.Engine;
using Containers.Engine.Streams;
using Containers.Engine.Configuration;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Http;
using Containers.Engine.Models;
using Containers.Engine.Ssh;
using Containers.Engine.Transport;
using Containers.EngineSelection;
using Containers.Provisioning.Certificates;
using Containers.Provisioning.Contexts;
using Containers.Provisioning.Drivers;
using Containers.Provisioning.Drivers.Ssh;
using Containers.Provisioning.Store;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Engine.Ssh
{
    /// <summary>
    /// ssh:// engines as the docker CLI reaches them: every connection is an ssh process running docker system
    /// dial-stdio on the host, and HTTP (plain, streamed and hijacked) goes over its pipes. Failures say why, from what
    /// ssh and the host said, within the connect timeout.
    /// </summary>
    public sealed class SshEngineTests : EngineTest, IClassFixture<SshEngineFixture>
    {
        private readonly SshEngineFixture _ssh;

        public SshEngineTests(SshEngineFixture ssh)
        {
            _ssh = ssh;
        }

        [Fact]
        public async Task Negotiates_the_version_and_lists_containers_over_ssh()
        {
            (string id, string name) = await CreateAsync(Sleeper);
            using EngineClient client = _ssh.Client();

            Assert.Equal(await Client.GetApiVersionAsync(), await client.GetApiVersionAsync());
            List<ContainerSummary> list = await client.Containers.ListAsync(new ContainerListParameters { All = true });
            Assert.Contains(list, container => container.Id == id && (container.Names ?? new List<string>()).Contains("/" + name));
            Assert.Equal(EngineEndpointKind.Ssh, client.Endpoint.Kind);
        }

        [Fact]
        public async Task A_docker_context_written_by_the_docker_CLI_with_an_ssh_endpoint_reaches_the_engine()
        {
            (string id, _) = await CreateAsync(Sleeper);
            string config = Path.Combine(_ssh.Folder, "docker-config-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            string name = PrivateEngine.UniqueName("ctx-ssh");
            DockerCli.Run(config, new[] { "context", "create", name, "--docker", "host=" + _ssh.Address() });
            var environment = new FakeEngineEnvironment(_ssh.Folder) { ["DOCKER_CONFIG"] = config };

            ResolvedEngine resolved = new EndpointResolver(environment).Resolve(null, name);
            Assert.Equal(_ssh.Address(), resolved.Endpoint.ToString());
            using var client = new EngineClient(resolved.Endpoint, resolved.Tls, new EngineClientOptions { SshConfigFile = _ssh.ConfigFile });
            ContainerInspect inspect = await client.Containers.InspectAsync(id);

            Assert.Equal(id, inspect.Id);
        }

        [Fact]
        public async Task A_host_of_the_host_store_is_reached_with_its_pinned_key_and_recorded_login_not_known_hosts()
        {
            // The client's own setup knows no host key: only the store's pin can let the connection through.
            using EngineClient client = _ssh.Client(_ssh.UnknownHostConfigFile, pinnedHosts: StoreWith(_ssh.Host.HostKey));
            Assert.Equal(await Client.GetApiVersionAsync(), await client.GetApiVersionAsync());

            // A pin the host does not match is refused, whatever known_hosts says.
            string otherKey = Path.Combine(_ssh.Folder, "store_other_host_key");
            Programs.Run("ssh-keygen", new[] { "-q", "-t", "ed25519", "-N", string.Empty, "-f", otherKey });
            using EngineClient pinnedElsewhere = _ssh.Client(pinnedHosts: StoreWith(SshHostKey.Parse(File.ReadAllText(otherKey + ".pub"))));
            EngineConnectionException e = await Assert.ThrowsAsync<EngineConnectionException>(() => pinnedElsewhere.System.PingAsync());
            Assert.Contains("not the key the host store pinned for it", e.Message, StringComparison.Ordinal);
            Assert.Contains(_ssh.Host.HostKey.Fingerprint, e.Message, StringComparison.Ordinal);
        }

        /// <summary>A host store of its own holding the SSH test host as an Ssh host, its key pinned as given.</summary>
        private StoreSshHosts StoreWith(SshHostKey pinned)
        {
            string root = Path.Combine(_ssh.Folder, "store-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            var store = new HostStore(Path.Combine(root, "hosts"), new DockerContextMirror(new DockerConfigDirectory(Path.Combine(root, "docker-config"))))
            {
                KeyAlgorithm = CertificateKeyAlgorithm.EcdsaP256,
            };
            store.Add(new NewHost
            {
                Name = "ssh-test-host",
                Driver = HostDrivers.Ssh,
                Address = _ssh.Host.Address,
                SshPort = _ssh.Host.Port,
                DriverSettings = new SshHostSettings(_ssh.Host.User, _ssh.Host.IdentityFile).ToJson(),
                SshHostKey = pinned.ToString(),
            });
            return new StoreSshHosts(new FakeEngineEnvironment(root) { [HostStoreLocation.Variable] = store.Root });
        }

        [Fact]
        public async Task Follows_logs_over_ssh_until_the_container_ends()
        {
            (string id, _) = await StartAsync(new[] { "sh", "-c", "for i in 1 2 3; do echo line $i; sleep 0.2; done; echo oops >&2" });
            using EngineClient client = _ssh.Client();

            using MultiplexedStreamReader logs = await client.Containers.LogsAsync(id, new ContainerLogsParameters { Follow = true }, tty: false);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            CapturedOutput output = await CapturedOutput.ReadAsync(logs, cancellationToken: limit.Token);

            Assert.Equal(new[] { "line 1", "line 2", "line 3" }, output.StdoutLines);
            Assert.Equal(new[] { "oops" }, output.StderrLines);
        }

        [Fact]
        public async Task Exec_input_half_closed_over_ssh_returns_all_output_and_the_exit_code()
        {
            (string id, _) = await StartAsync(Sleeper);
            using EngineClient client = _ssh.Client();
            ExecCreateResponse exec = await client.Exec.CreateAsync(id, new ExecCreateRequest
            {
                AttachStdin = true,
                AttachStdout = true,
                AttachStderr = true,
                Cmd = new List<string> { "sh", "-c", "cat; echo done >&2; exit 3" },
            });

            var text = new StringBuilder();
            for (int i = 0; text.Length < 200_000; i++)
            {
                text.Append("line ").Append(i).Append(" é✓\n");
            }

            byte[] input = Encoding.UTF8.GetBytes(text.ToString());
            using HijackedStream stream = await client.Exec.StartAttachedAsync(exec.Id, tty: false);
            Task<CapturedOutput> reading = CapturedOutput.ReadAsync(stream, tty: false);
            for (int offset = 0; offset < input.Length; offset += 8191)
            {
                await stream.WriteAsync(input, offset, Math.Min(8191, input.Length - offset));
            }

            // The half-close closes ssh's standard input; dial-stdio passes it on, and cat sees the end of its input.
            await stream.CloseWriteAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            CapturedOutput output = await reading.WaitAsync(limit.Token);

            Assert.True(input.AsSpan().SequenceEqual(output.Stdout.ToArray()), $"cat returned {output.Stdout.Length} bytes for {input.Length}");
            Assert.Equal(new[] { "done" }, output.StderrLines);
            ExecInspect inspect = await client.Exec.InspectAsync(exec.Id);
            for (var clock = Stopwatch.StartNew(); inspect.Running && clock.Elapsed < TimeSpan.FromSeconds(30); inspect = await client.Exec.InspectAsync(exec.Id))
            {
                await Task.Delay(50);
            }

            Assert.Equal(3, inspect.ExitCode);
        }

        [Fact]
        public async Task Parallel_calls_use_one_ssh_process_each_and_none_is_left_after_dispose()
        {
            (string id, _) = await StartAsync(Sleeper);
            int before = SshProcesses(_ssh.Host.Address).Count;
            EngineClient client = _ssh.Client();
            try
            {
                // Waits that hold their connections until the container is stopped: the calls must overlap.
                Task<ContainerWaitResponse>[] waits = Enumerable.Range(0, 4).Select(_ => client.Containers.WaitAsync(id)).ToArray();
                Task<ContainerInspect>[] inspects = Enumerable.Range(0, 4).Select(_ => client.Containers.InspectAsync(id)).ToArray();
                await Task.WhenAll(inspects);
                Assert.All(inspects, inspect => Assert.Equal(id, inspect.Result.Id));
                await Eventually(() => SshProcesses(_ssh.Host.Address).Count - before >= 5, "five ssh processes or more (four waits, an inspect)");

                await Client.Containers.KillAsync(id);
                ContainerWaitResponse[] ended = await Task.WhenAll(waits).WaitAsync(TimeSpan.FromSeconds(60));
                Assert.All(ended, wait => Assert.Equal(137L, wait.StatusCode));
            }
            finally
            {
                client.Dispose();
            }

            await Eventually(() => SshProcesses(_ssh.Host.Address).Count == before, "no ssh process of the client left");
        }

        [Fact]
        public async Task A_host_missing_from_known_hosts_is_refused_without_a_prompt_naming_the_host()
        {
            using EngineClient client = _ssh.Client(_ssh.UnknownHostConfigFile);
            var clock = Stopwatch.StartNew();
            EngineConnectionException e = await Assert.ThrowsAsync<EngineConnectionException>(() => client.System.PingAsync());

            Assert.Contains(_ssh.Address(), e.Message, StringComparison.Ordinal);
            Assert.Contains("is not in known_hosts", e.Message, StringComparison.Ordinal);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
            Assert.Equal(0, SshProcesses(_ssh.Host.Address).Count(p => p.Contains("config-unknown-host", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task A_changed_host_key_is_refused_naming_the_key_presented()
        {
            string config = Path.Combine(_ssh.Folder, "config-changed-key");
            string otherKey = Path.Combine(_ssh.Folder, "other_host_key");
            Programs.Run("ssh-keygen", new[] { "-q", "-t", "ed25519", "-N", string.Empty, "-f", otherKey });
            _ssh.Host.WriteClientConfig(config, null);
            File.WriteAllText(config + ".known_hosts", _ssh.Host.Address + " " + File.ReadAllText(otherKey + ".pub"));

            using EngineClient client = _ssh.Client(config);
            EngineConnectionException e = await Assert.ThrowsAsync<EngineConnectionException>(() => client.System.PingAsync());

            Assert.Contains(_ssh.Address(), e.Message, StringComparison.Ordinal);
            Assert.Contains(_ssh.Host.HostKey.Fingerprint, e.Message, StringComparison.Ordinal);
            Assert.Contains("not the key known_hosts holds", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_refused_login_is_an_authentication_error_naming_the_host()
        {
            using EngineClient client = _ssh.Client(_ssh.WrongKeyConfigFile);
            EngineAuthenticationException e = await Assert.ThrowsAsync<EngineAuthenticationException>(() => client.System.PingAsync());

            Assert.Contains(_ssh.Address(), e.Message, StringComparison.Ordinal);
            Assert.Contains("refused the login of 'root'", e.Message, StringComparison.Ordinal);
            Assert.Contains("Permission denied", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_engine_down_on_the_host_is_told_with_what_dial_stdio_said()
        {
            using EngineClient client = _ssh.Client(port: SshEngineFixture.EngineDownPort);
            EngineConnectionException e = await Assert.ThrowsAsync<EngineConnectionException>(() => client.System.PingAsync());

            Assert.Contains(_ssh.Address(SshEngineFixture.EngineDownPort), e.Message, StringComparison.Ordinal);
            Assert.Contains("could not reach the engine there", e.Message, StringComparison.Ordinal);
            Assert.Contains("no-engine.sock", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Docker_missing_on_the_host_is_told_as_such()
        {
            using EngineClient client = _ssh.Client(port: SshEngineFixture.NoDockerPort);
            EngineConnectionException e = await Assert.ThrowsAsync<EngineConnectionException>(() => client.System.PingAsync());

            Assert.Contains(_ssh.Address(SshEngineFixture.NoDockerPort), e.Message, StringComparison.Ordinal);
            Assert.Contains("is not installed on " + _ssh.Host.Address, e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_host_that_never_speaks_ssh_fails_within_the_connect_timeout()
        {
            using var silent = new SilentTcpServer();
            var endpoint = EngineEndpoint.Parse("ssh://root@127.0.0.1:" + silent.Port.ToString(CultureInfo.InvariantCulture));
            using var client = new EngineClient(endpoint, null, new EngineClientOptions { SshConfigFile = _ssh.ConfigFile, ConnectTimeout = TimeSpan.FromSeconds(2) });
            var clock = Stopwatch.StartNew();

            EngineConnectionException e = await Assert.ThrowsAsync<EngineConnectionException>(() => client.System.PingAsync());

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
            Assert.Contains(endpoint.ToString(), e.Message, StringComparison.Ordinal);
            Assert.True(silent.Accepted >= 1, "ssh never connected to the silent server");
        }

        [Fact]
        public async Task No_ssh_program_is_a_connection_error_saying_so()
        {
            var connector = new SshConnector(EngineEndpoint.Parse(_ssh.Address()), TimeSpan.FromSeconds(5), _ssh.ConfigFile, clientPath: Path.Combine(_ssh.Folder, "no-such-ssh"));
            EngineConnectionException e = await Assert.ThrowsAsync<EngineConnectionException>(() => connector.ConnectAsync(CancellationToken.None));

            Assert.Contains(_ssh.Address(), e.Message, StringComparison.Ordinal);
            Assert.Contains("could not be started", e.Message, StringComparison.Ordinal);
        }

        /// <summary>The command lines of this process's ssh children that run dial-stdio on <paramref name="address"/>.</summary>
        private static List<string> SshProcesses(string address)
        {
            string self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            var found = new List<string>();
            foreach (string folder in Directory.EnumerateDirectories("/proc"))
            {
                try
                {
                    string status = File.ReadAllText(Path.Combine(folder, "status"));
                    bool child = status.Split('\n').Any(line => line.StartsWith("PPid:", StringComparison.Ordinal) && line.Substring(5).Trim() == self);
                    string commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
                    if (child && commandLine.Contains("dial-stdio", StringComparison.Ordinal) && commandLine.Contains(" " + address + " ", StringComparison.Ordinal))
                    {
                        found.Add(commandLine);
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    // Not a process, or it ended while read.
                }
            }

            return found;
        }

        private static async Task Eventually(Func<bool> condition, string what)
        {
            var clock = Stopwatch.StartNew();
            while (!condition())
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "never came true: " + what);
                await Task.Delay(100);
            }
        }
    }
}

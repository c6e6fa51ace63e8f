using System.Diagnostics;
using System.Runtime.Versioning;
using Containers.Engine.Ssh;
using Containers.Provisioning.Ssh;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Provisioning.Ssh
{
    /// <summary>The SSH runner against a real sshd in a test host: output, exit codes, steps, host keys, keys refused, time limits.</summary>
    [SupportedOSPlatform("linux")]
    [RequiresEngine]
    public sealed class SshRunnerTests : IClassFixture<SshHostFixture>
    {
        private readonly TestSshHost _host;
        private readonly SshRunner _runner = new SshRunner();

        public SshRunnerTests(SshHostFixture fixture)
        {
            _host = fixture.Host;
        }

        [Fact]
        public async Task First_contact_runs_the_script_and_returns_the_host_key_it_accepted()
        {
            SshResult result = await _runner.RunAsync(_host.FirstConnection, new SshScript("greet", "echo hello\necho warning >&2\nid -u\n"));

            Assert.True(result.Succeeded);
            Assert.Equal("hello\n0\n", result.StandardOutput);
            Assert.Equal("warning\n", result.StandardError);
            Assert.Equal(_host.HostKey, result.HostKey);
        }

        [Fact]
        public async Task A_pinned_host_key_is_accepted_and_returned()
        {
            SshResult result = await _runner.RunAsync(_host.PinnedConnection, new SshScript("where", "cat /proc/self/net/dev >/dev/null; hostname >/dev/null; echo ok"));
            Assert.Equal("ok\n", result.StandardOutput);
            Assert.Equal(_host.HostKey, result.HostKey);
        }

        [Fact]
        public async Task A_failing_script_reports_its_exit_code_step_and_standard_error()
        {
            var steps = new List<string>();
            SshResult result = await _runner.RunAsync(
                _host.PinnedConnection,
                new SshScript("two steps", "step first\necho one\nstep second\necho 'disk full' >&2\nexit 3\necho never\n"),
                steps: new SynchronousProgress(steps.Add));

            Assert.False(result.Succeeded);
            Assert.Equal(3, result.ExitCode);
            Assert.Equal("one\n", result.StandardOutput);
            Assert.Equal("disk full\n", result.StandardError);
            Assert.Equal(new[] { "first", "second" }, result.Steps);
            Assert.Equal(new[] { "first", "second" }, steps);

            var error = Assert.Throws<SshException>(() => result.EnsureSuccess());
            Assert.Equal(SshFailure.ScriptFailed, error.Failure);
            Assert.Contains("'two steps'", error.Message, StringComparison.Ordinal);
            Assert.Contains("step 'second'", error.Message, StringComparison.Ordinal);
            Assert.Contains("exit code 3", error.Message, StringComparison.Ordinal);
            Assert.Contains("disk full", error.Message, StringComparison.Ordinal);
            Assert.Contains(_host.Address, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_exit_code_of_255_from_the_script_is_the_scripts_not_a_connection_failure()
        {
            SshResult result = await _runner.RunAsync(_host.PinnedConnection, new SshScript("exit 255", "exit 255"));
            Assert.Equal(255, result.ExitCode);
        }

        [Fact]
        public async Task A_command_that_reads_standard_input_does_not_swallow_the_rest_of_the_script()
        {
            SshResult result = await _runner.RunAsync(_host.PinnedConnection, new SshScript("stdin", "cat\nread -r line || echo no-input\necho after\n"));
            Assert.Equal("no-input\nafter\n", result.StandardOutput);
        }

        [Fact]
        public async Task Another_host_key_than_the_pinned_one_is_refused_as_changed()
        {
            foreach (string type in new[] { "ed25519", "rsa" })
            {
                string folder = Path.Combine(_host.Directory, "other-key-" + type);
                Directory.CreateDirectory(folder);
                Programs.Run("ssh-keygen", new[] { "-q", "-t", type, "-N", string.Empty, "-f", Path.Combine(folder, "key") });
                SshHostKey other = SshHostKey.Parse(File.ReadAllText(Path.Combine(folder, "key.pub")));
                SshConnection connection = _host.PinnedConnection;

                var error = await Assert.ThrowsAsync<SshException>(() => _runner.RunAsync(
                    new SshConnection { Address = connection.Address, User = connection.User, IdentityFile = connection.IdentityFile, HostKey = other },
                    new SshScript("never runs", "touch /run/ran")));

                Assert.True(error.Failure == SshFailure.HostKeyChanged, type + ": " + error.Message);
                Assert.Contains(other.Fingerprint, error.Message, StringComparison.Ordinal);
                Assert.False(File.Exists(_host.PrivatePath("/run/ran")));
            }
        }

        [Fact]
        public async Task A_key_the_host_does_not_authorize_is_refused_as_an_authentication_failure()
        {
            string folder = Path.Combine(_host.Directory, "stranger");
            Directory.CreateDirectory(folder);
            Programs.Run("ssh-keygen", new[] { "-q", "-t", "ed25519", "-N", string.Empty, "-f", Path.Combine(folder, "key") });
            SshConnection pinned = _host.PinnedConnection;

            var error = await Assert.ThrowsAsync<SshException>(() => _runner.RunAsync(
                new SshConnection { Address = pinned.Address, User = pinned.User, IdentityFile = Path.Combine(folder, "key"), HostKey = pinned.HostKey },
                new SshScript("never runs", "true")));

            Assert.Equal(SshFailure.AuthenticationFailed, error.Failure);
            Assert.Contains("authorized_keys", error.Message, StringComparison.Ordinal);
            Assert.Contains("Permission denied", error.Message, StringComparison.Ordinal);

            // On first contact too, where ssh also notes that it accepted the host key: that note is left out.
            var first = await Assert.ThrowsAsync<SshException>(() => _runner.RunAsync(
                new SshConnection { Address = pinned.Address, User = pinned.User, IdentityFile = Path.Combine(folder, "key") },
                new SshScript("never runs", "true")));
            Assert.Equal(SshFailure.AuthenticationFailed, first.Failure);
            Assert.DoesNotContain("Permanently added", first.Message, StringComparison.Ordinal);
            Assert.Equal(_host.HostKey, first.Result!.HostKey);
        }

        [Fact]
        public async Task A_port_nobody_listens_on_is_reported_unreachable()
        {
            var error = await Assert.ThrowsAsync<SshException>(() => _runner.RunAsync(
                new SshConnection { Address = _host.Address, Port = 2222, IdentityFile = _host.IdentityFile, ConnectTimeout = TimeSpan.FromSeconds(3) },
                new SshScript("never runs", "true")));
            Assert.Equal(SshFailure.Unreachable, error.Failure);
            Assert.Contains("refused", error.Message, StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public async Task A_missing_key_file_or_an_address_ssh_would_read_as_an_option_is_refused_before_ssh_runs()
        {
            await Assert.ThrowsAsync<ArgumentException>(() => _runner.RunAsync(
                new SshConnection { Address = _host.Address, IdentityFile = Path.Combine(_host.Directory, "no-such-key") }, new SshScript("x", "true")));
            await Assert.ThrowsAsync<ArgumentException>(() => _runner.RunAsync(
                new SshConnection { Address = "-oProxyCommand=touch /tmp/pwned", IdentityFile = _host.IdentityFile }, new SshScript("x", "true")));
            await Assert.ThrowsAsync<ArgumentException>(() => _runner.RunAsync(
                new SshConnection { Address = _host.Address, User = "-oProxyCommand=x", IdentityFile = _host.IdentityFile }, new SshScript("x", "true")));
        }

        [Fact]
        public async Task The_time_limit_kills_the_client_and_names_the_step()
        {
            var clock = Stopwatch.StartNew();
            // The limit leaves a loaded machine time to connect and reach the step; the bound is far below the sleep.
            var error = await Assert.ThrowsAsync<SshException>(() => _runner.RunAsync(_host.PinnedConnection, new SshScript("slow", "step sleeping\nsleep 300\n"), TimeSpan.FromSeconds(8)));
            Assert.Equal(SshFailure.TimedOut, error.Failure);
            Assert.Contains("'sleeping'", error.Message, StringComparison.Ordinal);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), clock.Elapsed.ToString());
        }

        [Fact]
        public async Task Cancelling_kills_the_client()
        {
            using var cancel = new CancellationTokenSource();
            var started = new TaskCompletionSource<bool>();
            var clock = Stopwatch.StartNew();
            Task<SshResult> run = _runner.RunAsync(_host.PinnedConnection, new SshScript("slow", "step waiting\nsleep 300\n"), steps: new SynchronousProgress(_ => started.TrySetResult(true)), cancellationToken: cancel.Token);
            await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
            clock.Restart();
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
            Assert.True(clock.Elapsed < Promptly.Bound, clock.Elapsed.ToString());
        }

        [Fact]
        public async Task Files_arrive_byte_for_byte_with_their_modes_and_no_leftovers()
        {
            byte[] binary = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray();
            var files = new[]
            {
                new RemoteFile("/etc/docker/copied/key.pem", "secret key\n", "0600"),
                new RemoteFile("/etc/docker/copied/cert.pem", "it's a \"certificate\" with $dollars and `ticks`\n", "0644"),
                new RemoteFile("/etc/docker/copied/deeper/binary", binary, "0640"),
            };

            SshResult result = await _runner.RunAsync(_host.PinnedConnection, new SshScript("copy", "set -eu\n" + string.Concat(files.Select(file => file.ToShell()))));
            Assert.True(result.Succeeded, result.StandardError);

            Assert.Equal("secret key\n", File.ReadAllText(_host.PrivatePath("/etc/docker/copied/key.pem")));
            Assert.Equal("it's a \"certificate\" with $dollars and `ticks`\n", File.ReadAllText(_host.PrivatePath("/etc/docker/copied/cert.pem")));
            Assert.Equal(binary, File.ReadAllBytes(_host.PrivatePath("/etc/docker/copied/deeper/binary")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_host.PrivatePath("/etc/docker/copied/key.pem")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(_host.PrivatePath("/etc/docker/copied/cert.pem")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(_host.PrivatePath("/etc/docker/copied/deeper/binary")));
            Assert.Equal(new[] { "cert.pem", "deeper", "key.pem" }, Directory.GetFileSystemEntries(_host.PrivatePath("/etc/docker/copied")).Select(Path.GetFileName).OrderBy(name => name, StringComparer.Ordinal));
        }

        [Fact]
        public async Task The_scanner_returns_the_key_sshd_presents()
        {
            IReadOnlyList<SshHostKey> keys = await new SshHostKeyScanner().ScanAsync(_host.Address, _host.Port);
            Assert.Equal(new[] { _host.HostKey }, keys);

            var error = await Assert.ThrowsAsync<SshException>(() => new SshHostKeyScanner().ScanAsync(_host.Address, 2222, TimeSpan.FromSeconds(2)));
            Assert.Equal(SshFailure.Unreachable, error.Failure);
        }

        /// <summary>Progress&lt;T&gt; posts to the thread pool; the tests want the calls in order, at once.</summary>
        private sealed class SynchronousProgress : IProgress<string>
        {
            private readonly Action<string> _report;

            public SynchronousProgress(Action<string> report)
            {
                _report = report;
            }

            public void Report(string value)
            {
                lock (this)
                {
                    _report(value);
                }
            }
        }
    }
}

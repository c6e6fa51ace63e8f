using Containers.Engine.Processes;
using Containers.Engine.Ssh;
using Containers.Provisioning.Ssh;
using Xunit;

namespace Containers.Tests.Provisioning.Ssh
{
    /// <summary>The ssh command line: nothing of the user's setup leaks in, every option given once (ssh keeps the first), the destination never read as an option.</summary>
    public sealed class SshArgumentsTests
    {
        private const string Ed25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIM2H5nCtX9EEvrcDTXI2fnR6UZSo3rypcav/dTYqUZSB";

        private static Dictionary<string, string> Options(IReadOnlyList<string> arguments)
        {
            var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < arguments.Count - 1; i++)
            {
                if (arguments[i] == "-o")
                {
                    string[] parts = arguments[i + 1].Split('=', 2);
                    Assert.True(options.TryAdd(parts[0], parts[1]), "given twice: " + parts[0]);
                }
            }

            return options;
        }

        [Fact]
        public void First_contact_accepts_a_new_key_into_the_runs_own_file_and_nothing_else()
        {
            var connection = new SshConnection { Address = "203.0.113.7", Port = 2200, User = "admin", IdentityFile = "/keys/id" };
            IReadOnlyList<string> arguments = SshArguments.Build(connection, "/tmp/run/known_hosts", "sh -s");

            Assert.Equal(new[] { "-F", "/dev/null" }, arguments.Take(2));
            Dictionary<string, string> options = Options(arguments);
            Assert.Equal("yes", options["BatchMode"]);
            Assert.Equal("yes", options["IdentitiesOnly"]);
            Assert.Equal("/tmp/run/known_hosts", options["UserKnownHostsFile"]);
            Assert.Equal("/dev/null", options["GlobalKnownHostsFile"]);
            Assert.Equal("accept-new", options["StrictHostKeyChecking"]);
            Assert.False(options.ContainsKey("HostKeyAlgorithms"));
            Assert.Equal("15", options["ConnectTimeout"]);
            Assert.Equal(new[] { "-i", "/keys/id", "-p", "2200", "-l", "admin", "-T", "--", "203.0.113.7", "sh -s" }, arguments.Skip(arguments.Count - 10));
        }

        [Fact]
        public void An_ssh_engine_uses_the_users_setup_but_never_prompts_nor_accepts_an_unknown_host()
        {
            IReadOnlyList<string> arguments = SshArguments.BuildForUserSetup("admin", "fd00::5", 2222, TimeSpan.FromSeconds(30), "/etc/containers/ssh_config", "docker system dial-stdio");

            Assert.Equal(new[] { "-F", "/etc/containers/ssh_config" }, arguments.Take(2));
            Dictionary<string, string> options = Options(arguments);
            Assert.Equal("yes", options["BatchMode"]);
            Assert.Equal("yes", options["StrictHostKeyChecking"]);
            Assert.Equal("none", options["RemoteCommand"]);
            Assert.Equal("no", options["ControlMaster"]);
            Assert.Equal("VERBOSE", options["LogLevel"]);
            Assert.Equal("30", options["ConnectTimeout"]);
            Assert.False(options.ContainsKey("UserKnownHostsFile"));
            Assert.False(options.ContainsKey("IdentitiesOnly"));
            Assert.Equal(new[] { "-l", "admin", "-p", "2222", "-T", "--", "fd00::5", "docker system dial-stdio" }, arguments.Skip(arguments.Count - 8));

            IReadOnlyList<string> bare = SshArguments.BuildForUserSetup(null, "build01", null, TimeSpan.FromSeconds(30), null, "docker system dial-stdio");
            Assert.DoesNotContain("-F", bare);
            Assert.DoesNotContain("-l", bare);
            Assert.DoesNotContain("-p", bare);
        }

        [Fact]
        public void A_pinned_key_is_checked_strictly_with_its_algorithms_only()
        {
            var connection = new SshConnection { Address = "host.example", IdentityFile = "/keys/id", HostKey = SshHostKey.Parse(Ed25519), ConnectTimeout = TimeSpan.FromSeconds(4.2) };
            Dictionary<string, string> options = Options(SshArguments.Build(connection, "/a path/known_hosts", "sh -s"));
            Assert.Equal("yes", options["StrictHostKeyChecking"]);
            Assert.Equal("ssh-ed25519", options["HostKeyAlgorithms"]);
            Assert.Equal("5", options["ConnectTimeout"]);
            Assert.Equal("\"/a path/known_hosts\"", options["UserKnownHostsFile"]);
        }

        [Fact]
        public async Task Arguments_reach_the_program_exactly_as_given()
        {
            string[] tricky = { "plain", "with space", "quote\"inside", "trailing\\", "back\\\\slashes \\\" mixed", string.Empty, "it's" };
            var lines = new List<string>();
            ClientProcess.Outcome outcome = await ClientProcess.RunAsync("printf", new[] { "%s\\n" }.Concat(tricky), Array.Empty<byte>(), lines.Add, TimeSpan.FromSeconds(10), CancellationToken.None);
            Assert.Equal(0, outcome.ExitCode);
            Assert.Equal(string.Join("\n", tricky) + "\n", outcome.StandardOutput);
        }
    }
}

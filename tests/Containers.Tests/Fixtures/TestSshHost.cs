using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Containers.Engine.Ssh;
using Containers.Provisioning.Ssh;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// A Linux host reachable over SSH, made by the test on this machine: a network namespace joined to this one by a
    /// veth pair (10.232.X.Y/30, a different /30 per host; 10.232.0.0/16 is theirs alone, as the network tests make
    /// bridges in 10.231.0.0/16), and an sshd in it started with <c>nsenter --net</c> (not
    /// <c>ip netns exec</c>, which remounts /sys and hides the cgroups dockerd needs) under <c>unshare --mount</c>, where
    /// /etc/docker, /etc/systemd, /var/lib/docker, /var/log and /run are the host's own folders (a missing mount point is made in an
    /// overlay of its parent): whatever a script run over SSH writes there, or an engine it starts, touches nothing of
    /// this machine. The sshd has its own host key and config: root may log in with the key the test generated, and
    /// with nothing else.
    /// A watchdog started with the host tears it down (every process in the namespace, the namespace, the veth pair,
    /// the folder) when the host is disposed or the test process ends; <see cref="StaleSshHosts"/> catches the rest.
    /// </summary>
    public sealed class TestSshHost : IDisposable
    {
        // The private folders the mount namespace sees in place of this machine's. /run goes last: binding it hides
        // /run/netns, which nsenter has already used by then.
        private const string MountScript = @"
set -eu
d=$1
private() {
  if [ ! -d ""$1"" ]; then
    parent=$(dirname ""$1"")
    n=$(printf '%s' ""$parent"" | tr / _)
    mkdir -p ""$d/overlay/$n/upper"" ""$d/overlay/$n/work""
    mount -t overlay overlay -o ""lowerdir=$parent,upperdir=$d/overlay/$n/upper,workdir=$d/overlay/$n/work"" ""$parent""
    mkdir -p ""$1""
  fi
  mount --bind ""$d/root$1"" ""$1""
}
private /etc/docker
private /etc/systemd
private /var/lib/docker
private /var/log
private /run
mkdir -p /run/sshd
chmod 0755 /run/sshd
exec /usr/sbin/sshd -D -e -f ""$d/sshd_config""
";

        // Waits for the owner to end or a stop file, then removes everything in the namespace.
        private const string WatchdogScript = @"
dir=$1; owner=$2; ns=$3; veth=$4
while kill -0 ""$owner"" 2>/dev/null && [ ! -e ""$dir/stop"" ]; do sleep 0.2; done
for sig in TERM KILL; do
  pids=$(ip netns pids ""$ns"" 2>/dev/null)
  [ -n ""$pids"" ] && kill -$sig $pids 2>/dev/null
  i=0
  while [ $i -lt 100 ] && [ -n ""$(ip netns pids ""$ns"" 2>/dev/null)"" ]; do sleep 0.1; i=$((i+1)); done
done
ip netns del ""$ns"" 2>/dev/null
ip link del ""$veth"" 2>/dev/null
awk '{print $2}' /proc/mounts | grep ""^$dir/"" | sort -r | while read -r m; do umount -l ""$m""; done
rm -rf ""$dir""
";

        private static readonly Random Random = new Random();

        private bool _disposed;

        private TestSshHost(string directory, string networkNamespace, string address, string hostSideAddress)
        {
            Directory = directory;
            Namespace = networkNamespace;
            Address = address;
            HostSideAddress = hostSideAddress;
            HostKey = SshHostKey.Parse(File.ReadAllText(HostKeyFile + ".pub"));
        }

        public string Directory { get; }

        /// <summary>The network namespace's name (under /run/netns).</summary>
        public string Namespace { get; }

        /// <summary>The host's address: the namespace's end of the veth pair, where sshd (and a provisioned engine) listen.</summary>
        public string Address { get; private set; }

        /// <summary>This machine's end of the veth pair.</summary>
        public string HostSideAddress { get; private set; }

        public int Port => SshConnection.DefaultPort;

        public string User => "root";

        /// <summary>The private key root may log in with.</summary>
        public string IdentityFile => Path.Combine(Directory, "client_key");

        /// <summary>The key sshd presents now.</summary>
        public SshHostKey HostKey { get; private set; }

        public string SshdLogPath => Path.Combine(Directory, "sshd.log");

        private string HostKeyFile => Path.Combine(Directory, "host_key");

        /// <summary>A connection that has the host key pinned already.</summary>
        public SshConnection PinnedConnection => new SshConnection { Address = Address, Port = Port, User = User, IdentityFile = IdentityFile, HostKey = HostKey, ConnectTimeout = TimeSpan.FromSeconds(5) };

        /// <summary>A first-contact connection: nothing pinned.</summary>
        public SshConnection FirstConnection => new SshConnection { Address = Address, Port = Port, User = User, IdentityFile = IdentityFile, ConnectTimeout = TimeSpan.FromSeconds(5) };

        /// <summary>
        /// Writes an ssh config file that reaches this host as a user's own ssh setup would, for ssh:// engines: the key
        /// given (default the one root may log in with), no agent, and known_hosts (<paramref name="path"/> + ".known_hosts")
        /// holding this host's key at each of <paramref name="knownPorts"/> (none: the host is unknown).
        /// </summary>
        public void WriteClientConfig(string path, string? identityFile, params int[] knownPorts)
        {
            string knownHosts = path + ".known_hosts";
            File.WriteAllLines(knownHosts, knownPorts.Select(port => (port == SshConnection.DefaultPort ? Address : $"[{Address}]:{port}") + " " + HostKey));
            File.WriteAllLines(path, new[]
            {
                "Host *",
                "  IdentityFile " + (identityFile ?? IdentityFile),
                "  IdentitiesOnly yes",
                "  IdentityAgent none",
                "  UserKnownHostsFile " + knownHosts,
                "  GlobalKnownHostsFile /dev/null",
            });
        }

        /// <summary>Where a path the remote side sees under /etc/docker, /etc/systemd, /var/lib/docker, /var/log or /run really is.</summary>
        public string PrivatePath(string remotePath) => Path.Combine(Directory, "root", remotePath.TrimStart('/'));

        /// <param name="sshdSettings">More lines for the sshd config, after the test host's own (Port, SetEnv, Match blocks).</param>
        public static async Task<TestSshHost> StartAsync(params string[] sshdSettings)
        {
            SshTestPrerequisites.RequireAll();
            StaleSshHosts.CleanUp();
            string directory = Watchdog.CreateOwnedDirectory(StaleSshHosts.FolderPrefix);
            string name = StaleSshHosts.NamespacePrefix + Path.GetFileName(directory);
            string hostVeth = StaleSshHosts.VethName(directory, hostSide: true);
            string innerVeth = StaleSshHosts.VethName(directory, hostSide: false);
            try
            {
                Ip("netns", "add", name);
                StartWatchdog(directory, name, hostVeth);

                (string hostSide, string inside) = FreeSubnet();
                Ip("link", "add", hostVeth, "type", "veth", "peer", "name", innerVeth);
                Ip("link", "set", innerVeth, "netns", name);
                Ip("addr", "add", hostSide + "/30", "dev", hostVeth);
                Ip("link", "set", hostVeth, "up");
                Ip("-n", name, "addr", "add", inside + "/30", "dev", innerVeth);
                Ip("-n", name, "link", "set", innerVeth, "up");
                Ip("-n", name, "link", "set", "lo", "up");

                foreach (string folder in new[] { "etc/docker", "etc/systemd", "var/lib/docker", "var/log", "run" })
                {
                    System.IO.Directory.CreateDirectory(Path.Combine(directory, "root", folder));
                }

                Programs.Run("ssh-keygen", new[] { "-q", "-t", "ed25519", "-N", string.Empty, "-C", "test host " + name, "-f", Path.Combine(directory, "host_key") });
                Programs.Run("ssh-keygen", new[] { "-q", "-t", "ed25519", "-N", string.Empty, "-C", "test client", "-f", Path.Combine(directory, "client_key") });
                File.Copy(Path.Combine(directory, "client_key.pub"), Path.Combine(directory, "authorized_keys"));
                File.WriteAllText(Path.Combine(directory, "sshd_config"), string.Join("\n", new[]
                {
                    // Every address of the namespace (its own): a test can move the host to another address.
                    "ListenAddress 0.0.0.0",
                    "Port 22",
                    "HostKey " + Path.Combine(directory, "host_key"),
                    "PidFile " + Path.Combine(directory, "sshd.pid"),
                    "PermitRootLogin prohibit-password",
                    "PubkeyAuthentication yes",
                    "AuthorizedKeysFile " + Path.Combine(directory, "authorized_keys"),
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "UsePAM no",
                    "StrictModes no",
                    "PrintMotd no",
                }.Concat(sshdSettings).Append(string.Empty)));

                // Detached, its output in sshd.log; the watchdog ends it with everything else in the namespace.
                Programs.Run("sh", new[]
                {
                    "-c", "setsid nsenter --net=/run/netns/\"$1\" unshare --mount --propagation private sh -c \"$2\" mounts \"$3\" >\"$3/sshd.log\" 2>&1 </dev/null &",
                    "start", name, MountScript, directory,
                });

                var host = new TestSshHost(directory, name, inside, hostSide);
                await host.WaitUntilListeningAsync().ConfigureAwait(false);
                return host;
            }
            catch
            {
                Watchdog.Stop(directory);
                throw;
            }
        }

        /// <summary>
        /// Gives sshd a new host key, as a reinstalled machine would have: the key file is replaced and sshd, sent SIGHUP,
        /// re-executes itself and reads it (same pid, same namespaces). Returns once it presents the new key.
        /// </summary>
        public async Task ReplaceHostKeyAsync()
        {
            string fresh = Path.Combine(Directory, "host_key_new");
            Programs.Run("ssh-keygen", new[] { "-q", "-t", "ed25519", "-N", string.Empty, "-C", "replaced host key", "-f", fresh });
            File.Move(fresh, HostKeyFile, overwrite: true);
            File.Move(fresh + ".pub", HostKeyFile + ".pub", overwrite: true);
            SshHostKey replaced = SshHostKey.Parse(File.ReadAllText(HostKeyFile + ".pub"));

            int pid = int.Parse(File.ReadAllText(Path.Combine(Directory, "sshd.pid")).Trim(), CultureInfo.InvariantCulture);
            Signals.Send(pid, 1); // SIGHUP
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(15))
            {
                try
                {
                    var keys = await new SshHostKeyScanner().ScanAsync(Address, Port, TimeSpan.FromSeconds(2)).ConfigureAwait(false);
                    if (keys.Contains(replaced))
                    {
                        HostKey = replaced;
                        return;
                    }
                }
                catch (SshException)
                {
                    // Still re-executing.
                }

                await Task.Delay(100).ConfigureAwait(false);
            }

            throw new TimeoutException($"sshd did not present its new host key within 15 s. Its log:\n{Watchdog.ReadLogTail(Directory, "sshd")}");
        }

        /// <summary>
        /// Moves the host to a new /30, as a machine given a new address by DHCP: both ends of the veth pair get new
        /// addresses and lose the old ones. sshd (listening on every address) and an engine listening on 0.0.0.0 go on
        /// running and answer at the new address. Returns it.
        /// </summary>
        public string MoveToNewAddress()
        {
            (string hostSide, string inside) = FreeSubnet();
            string hostVeth = StaleSshHosts.VethName(Directory, hostSide: true);
            string innerVeth = StaleSshHosts.VethName(Directory, hostSide: false);
            Ip("addr", "add", hostSide + "/30", "dev", hostVeth);
            Ip("-n", Namespace, "addr", "add", inside + "/30", "dev", innerVeth);
            Ip("-n", Namespace, "addr", "del", Address + "/30", "dev", innerVeth);
            Ip("addr", "del", HostSideAddress + "/30", "dev", hostVeth);
            Address = inside;
            HostSideAddress = hostSide;
            return inside;
        }

        /// <summary>
        /// The names of the processes running in the host's namespace, sshd's included, each once, in order. A process
        /// listed may be gone before its name is read (a session's own sshd child ending): gone is not running.
        /// </summary>
        public IReadOnlyList<string> ProcessNames() =>
            Programs.Run("ip", new[] { "netns", "pids", Namespace }).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(pid => CommandName(pid.Trim()))
                .OfType<string>()
                .Distinct()
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToArray();

        private static string? CommandName(string pid)
        {
            try
            {
                return File.ReadAllText($"/proc/{pid}/comm").Trim();
            }
            catch (IOException)
            {
                return null;
            }
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Watchdog.Stop(Directory);
        }

        private async Task WaitUntilListeningAsync()
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(15))
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(Address, Port).ConfigureAwait(false);
                    return;
                }
                catch (SocketException)
                {
                    await Task.Delay(50).ConfigureAwait(false);
                }
            }

            throw new TimeoutException($"The test host's sshd did not listen on {Address}:{Port} within 15 s. Its log:\n{Watchdog.ReadLogTail(Directory, "sshd")}");
        }

        private static void StartWatchdog(string directory, string name, string hostVeth)
        {
            var start = new ProcessStartInfo("setsid") { UseShellExecute = false };
            foreach (string argument in new[] { "sh", "-c", WatchdogScript, "ssh-host-watchdog", directory, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), name, hostVeth })
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start setsid for the test host's watchdog.");
        }

        /// <summary>A /30 in 10.232.0.0/16 no interface of this machine uses yet: this side .1, the namespace .2.</summary>
        private static (string HostSide, string Inside) FreeSubnet()
        {
            string used = Programs.Run("ip", new[] { "-o", "-4", "addr", "show" });
            for (int attempt = 0; attempt < 100; attempt++)
            {
                int block;
                lock (Random)
                {
                    block = Random.Next(1, 16384) * 4;
                }

                string prefix = "10.232." + (block >> 8).ToString(CultureInfo.InvariantCulture) + ".";
                string hostSide = prefix + ((block & 255) + 1).ToString(CultureInfo.InvariantCulture);
                string inside = prefix + ((block & 255) + 2).ToString(CultureInfo.InvariantCulture);
                if (!used.Contains(" " + hostSide + "/", StringComparison.Ordinal) && !used.Contains(" " + inside + "/", StringComparison.Ordinal))
                {
                    return (hostSide, inside);
                }
            }

            throw new InvalidOperationException("No free /30 in 10.232.0.0/16 for a test host.");
        }

        private static void Ip(params string[] arguments) => Programs.Run(SshTestPrerequisites.Require("ip"), arguments);
    }
}

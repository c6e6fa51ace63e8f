using System.Diagnostics;
using System.Globalization;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Provisioning.Ssh
{
    /// <summary>A test host whose test process and watchdog both died is swept away by the next run: its processes, namespace, veth pair and folder.</summary>
    [RequiresEngine]
    public sealed class StaleSshHostsTests
    {
        [Fact]
        public void A_host_left_by_a_dead_run_is_torn_down_completely()
        {
            SshTestPrerequisites.RequireAll();
            string folder = Path.Combine(Dockerd.BaseDirectory, StaleSshHosts.FolderPrefix + Guid.NewGuid().ToString("N").Substring(0, 8));
            string name = StaleSshHosts.NamespacePrefix + Path.GetFileName(folder);
            string veth = StaleSshHosts.VethName(folder, hostSide: true);
            Directory.CreateDirectory(folder);
            try
            {
                // This process's while it is made, so a parallel test host's sweep leaves it alone.
                File.WriteAllText(Path.Combine(folder, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                Programs.Run("ip", new[] { "netns", "add", name });
                Programs.Run("ip", new[] { "link", "add", veth, "type", "veth", "peer", "name", StaleSshHosts.VethName(folder, hostSide: false), "netns", name });
                Programs.Run("sh", new[] { "-c", "setsid nsenter --net=/run/netns/\"$1\" sleep 300 >/dev/null 2>&1 </dev/null &", "start", name });
                var clock = Stopwatch.StartNew();
                while (Programs.Run("ip", new[] { "netns", "pids", name }).Trim().Length == 0 && clock.Elapsed < TimeSpan.FromSeconds(5))
                {
                    Thread.Sleep(20);
                }

                string sleeper = Programs.Run("ip", new[] { "netns", "pids", name }).Trim();
                Assert.NotEmpty(sleeper);

                // Then owned by a process that has exited.
                using (Process gone = Process.Start("true")!)
                {
                    gone.WaitForExit();
                    File.WriteAllText(Path.Combine(folder, "owner.pid"), gone.Id.ToString(CultureInfo.InvariantCulture));
                }

                StaleSshHosts.CleanUp();

                Assert.DoesNotContain(name, Programs.Run("ip", new[] { "netns", "list" }), StringComparison.Ordinal);
                Assert.DoesNotContain(veth, Programs.Run("ip", new[] { "-o", "link" }), StringComparison.Ordinal);
                Assert.False(Directory.Exists(folder));
                Assert.False(Signals.IsAlive(int.Parse(sleeper, CultureInfo.InvariantCulture)) && !File.ReadAllText($"/proc/{sleeper}/stat").Contains(") Z", StringComparison.Ordinal));
            }
            finally
            {
                StaleSshHosts.TearDown(name, veth, folder);
            }
        }
    }
}

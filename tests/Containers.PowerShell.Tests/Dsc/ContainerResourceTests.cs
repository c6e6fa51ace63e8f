using System.Collections;
using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Containers.PowerShell.Tests.Registries;
using Xunit;

namespace Containers.PowerShell.Tests.Dsc
{
    /// <summary>
    /// The Container resource through the DSC adapter's steps against the private engine: made once, repaired when it
    /// drifts, recreated (a new id) for what a container keeps from its creation, updated in place (the same id) for its
    /// limits and restart policy, started and stopped, removed.
    /// </summary>
    public sealed class ContainerResourceTests
    {
        // A command that runs until stopped and ends at once on SIGTERM (a shell as PID 1 ignores it otherwise, and every
        // stop would wait out the engine's 10 seconds).
        private const string Serve = "Command = 'sh', '-c', 'trap \"exit 0\" TERM; while true; do sleep 1; done'";

        private static object Value(ModuleSession session, string script) => session.Run(script).AssertNoErrors().Single().BaseObject;

        private static bool Test(ModuleSession session, string resource = "$container") => (bool)Value(session, resource + ".Test()");

        /// <summary>
        /// <c>$container</c>: the resource with these properties, the test image and <see cref="Serve"/>, made by its Set,
        /// with verbose messages on from here; its id.
        /// </summary>
        private static string Made(ModuleSession session, string properties)
        {
            DscAdapter.Define(session);
            session.Run(@"$VerbosePreference = 'Continue'
                $container = New-DscResource Container @{ Image = $TestImage; " + Serve + "; " + properties + @" }
                $container.Set()").AssertNoErrors();
            return (string)Value(session, "$container.Get().Id");
        }

        [Fact]
        public async Task Test_is_false_until_Set_makes_it_Get_reports_the_engine_and_a_second_Set_keeps_the_same_id()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            DscAdapter.Define(session);
            session.Run(@"$VerbosePreference = 'Continue'
                $container = New-DscResource Container @{ Name = ""$Prefix-web""; Image = $TestImage; " + Serve + @"
                    Environment = @{ GREETING = 'hello' }; Port = '127.0.0.1::80', '53/udp'; Volume = ""$Prefix-data:/data"", '/cache'
                    Label = @{ project = $Prefix }; Memory = '64m'; Cpu = 0.5; RestartPolicy = 'on-failure:2' }").AssertNoErrors();

            RunResult before = session.Run("$container.Test()").AssertNoErrors();
            Assert.False((bool)before.Single().BaseObject);
            Assert.Contains(before.Verbose, line => line.Contains("is Absent, should be Present", StringComparison.Ordinal));

            RunResult set = session.Run("$container.Set()").AssertNoErrors();
            Assert.Contains(set.Verbose, line => line.StartsWith("Creating container", StringComparison.Ordinal));
            Assert.Contains(set.Verbose, line => line.StartsWith("Starting container", StringComparison.Ordinal));

            // Get reads the engine: every property, the image's own environment (PATH) included.
            PSObject actual = session.Run("$container.Get()").AssertNoErrors().Single();
            string id = (string)actual.Properties["Id"].Value;
            Assert.Equal(Value(session, @"(Get-ContainerDetail -Name ""$Prefix-web"").Id"), id);
            Assert.Equal("Present", actual.Properties["Ensure"].Value.ToString());
            Assert.Equal("Running", actual.Properties["State"].Value);
            Assert.Equal(session.Run("$TestImage").Single().BaseObject, actual.Properties["Image"].Value);
            Assert.Equal(new[] { "sh", "-c", "trap \"exit 0\" TERM; while true; do sleep 1; done" }, (string[])actual.Properties["Command"].Value);
            var environment = (Hashtable)actual.Properties["Environment"].Value;
            Assert.Equal("hello", environment["GREETING"]);
            Assert.True(environment.ContainsKey("PATH"));
            Assert.Equal(new[] { "127.0.0.1::80", "53/udp" }, (string[])actual.Properties["Port"].Value);
            Assert.Equal(new[] { session.Prefix + "-data:/data", "/cache" }, (string[])actual.Properties["Volume"].Value);
            Assert.Equal(session.Prefix, ((Hashtable)actual.Properties["Label"].Value)["project"]);
            Assert.Equal("67108864", actual.Properties["Memory"].Value);
            Assert.Equal(0.5, actual.Properties["Cpu"].Value);
            Assert.Equal("on-failure:2", actual.Properties["RestartPolicy"].Value);
            Assert.Equal("default", actual.Properties["Network"].Value);

            RunResult after = session.Run("$container.Test()").AssertNoErrors();
            Assert.True((bool)after.Single().BaseObject);
            Assert.Contains(after.Verbose, line => line.Contains("is in the desired state", StringComparison.Ordinal));

            RunResult again = session.Run("$container.Set(); $container.Get().Id").AssertNoErrors();
            Assert.Equal(id, again.Single().BaseObject);
            Assert.Contains(again.Verbose, line => line.Contains("nothing to do", StringComparison.Ordinal));
            Assert.DoesNotContain(again.Verbose, line => line.StartsWith("Creating", StringComparison.Ordinal) || line.StartsWith("Recreating", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Test_compares_only_what_is_specified()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            DscAdapter.Define(session);
            session.Run(@"New-Container -Image $TestImage -Name ""$Prefix-other"" -Command true -Environment @{ A = '1'; B = '2' } -Label @{ x = '1'; y = '2' } -Port '8080:80' | Out-Null").AssertNoErrors();

            // Only the name, then a subset of the environment and labels, the image by another name of the same id.
            Assert.True(Test(session, @"(New-DscResource Container @{ Name = ""$Prefix-other"" })"));
            session.Run(@"Add-ContainerImageTag -Name $TestImage -Tag ""localhost/$Prefix-alias:1""").AssertNoErrors();
            Assert.True(Test(session, @"(New-DscResource Container @{ Name = ""$Prefix-other""; Image = ""localhost/$Prefix-alias:1""; Environment = @{ B = '2' }; Label = @{ y = '2' } })"));
            session.Run(@"Remove-ContainerImage -Name ""localhost/$Prefix-alias:1"" | Out-Null").AssertNoErrors();

            session.Run("$VerbosePreference = 'Continue'").AssertNoErrors();
            RunResult drift = session.Run(@"(New-DscResource Container @{ Name = ""$Prefix-other""; Port = '8081:80'; Label = @{ y = '3' }; State = 'Running' }).Test()").AssertNoErrors();
            Assert.False((bool)drift.Single().BaseObject);
            Assert.Contains(drift.Verbose, line => line.Contains("ports are [8080:80], not [8081:80]", StringComparison.Ordinal));
            Assert.Contains(drift.Verbose, line => line.Contains("label y is '2', not '3'", StringComparison.Ordinal));
            Assert.Contains(drift.Verbose, line => line.Contains("state is Stopped, not Running", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_stopped_container_is_started_again_and_State_Stopped_stops_it()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string id = Made(session, @"Name = ""$Prefix-svc""; State = 'Running'");

            session.Run(@"Stop-Container -Name ""$Prefix-svc""").AssertNoErrors();
            RunResult drift = session.Run("$container.Test()").AssertNoErrors();
            Assert.False((bool)drift.Single().BaseObject);
            Assert.Contains(drift.Verbose, line => line.Contains("state is Stopped, not Running", StringComparison.Ordinal));
            RunResult set = session.Run("$container.Set()").AssertNoErrors();
            Assert.Contains(set.Verbose, line => line.StartsWith("Starting container", StringComparison.Ordinal));
            Assert.Equal("running", Value(session, @"(Get-ContainerDetail -Name ""$Prefix-svc"").State"));
            Assert.Equal(id, Value(session, "$container.Get().Id"));

            RunResult stop = session.Run("$container.State = 'Stopped'; $container.Test(); $container.Set(); $container.Test()").AssertNoErrors();
            Assert.Equal(new object[] { false, true }, stop.Output.Select(item => item.BaseObject).ToArray());
            Assert.Contains(stop.Verbose, line => line.StartsWith("Stopping container", StringComparison.Ordinal));
            Assert.Equal("exited", Value(session, @"(Get-ContainerDetail -Name ""$Prefix-svc"").State"));
            Assert.Equal(id, Value(session, "$container.Get().Id"));
        }

        [Fact]
        public async Task A_changed_environment_recreates_the_container_with_it_and_keeps_it_running()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string before = Made(session, @"Name = ""$Prefix-app""; Environment = @{ MODE = 'old'; SECRET = 's3cret-old' }");

            session.Run("$container.Environment = @{ MODE = 'new'; SECRET = 's3cret-new' }").AssertNoErrors();
            RunResult drift = session.Run("$container.Test()").AssertNoErrors();
            Assert.False((bool)drift.Single().BaseObject);
            Assert.Contains(drift.Verbose, line => line.Contains("environment variable MODE has another value", StringComparison.Ordinal));
            // Environment values can be secrets: the messages name the variable only.
            Assert.DoesNotContain(drift.Verbose, line => line.Contains("s3cret", StringComparison.Ordinal));

            RunResult set = session.Run("$container.Set()").AssertNoErrors();
            Assert.Contains(set.Verbose, line => line.StartsWith("Recreating container", StringComparison.Ordinal));
            Assert.DoesNotContain(set.Verbose, line => line.Contains("s3cret", StringComparison.Ordinal));
            PSObject detail = session.Run(@"Get-ContainerDetail -Name ""$Prefix-app""").AssertNoErrors().Single();
            Assert.NotEqual(before, detail.Properties["Id"].Value);
            Assert.Contains("MODE=new", ((IEnumerable)detail.Properties["Environment"].Value).Cast<object>().Select(entry => entry.ToString()));
            Assert.Equal("running", detail.Properties["State"].Value);
            Assert.True(Test(session));
            // The old one is gone and no replacement is left under its temporary name.
            Assert.Single(session.Run(@"Get-Container -All -Name ""$Prefix-app*""").AssertNoErrors().Output);
        }

        [Fact]
        public async Task Ports_volumes_network_labels_and_entrypoint_each_recreate_the_container_when_changed()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            DscAdapter.Define(session);
            session.Run(@"New-ContainerNetwork -Name ""$Prefix-n1"" | Out-Null; New-ContainerNetwork -Name ""$Prefix-n2"" | Out-Null
                $VerbosePreference = 'Continue'
                $container = New-DscResource Container @{ Name = ""$Prefix-re""; Image = $TestImage
                    Entrypoint = 'sh', '-c'; Command = 'trap ""exit 0"" TERM; while true; do sleep 1; done'
                    Port = '127.0.0.1::80'; Volume = ""$Prefix-v1:/data""; Network = ""$Prefix-n1""; Label = @{ tier = 'a' } }
                $container.Set()").AssertNoErrors();

            var changes = new (string Change, string Said, string Check, object Expected)[]
            {
                ("$container.Port = '127.0.0.1::81'", "ports are [127.0.0.1::80], not [127.0.0.1::81]", "@($d.HostConfig.PortBindings.Keys)[0]", "81/tcp"),
                (@"$container.Volume = ""$Prefix-v2:/data""", "volumes bound are", "$d.HostConfig.Binds[0]", session.Prefix + "-v2:/data"),
                (@"$container.Network = ""$Prefix-n2""", "network is '" + session.Prefix + "-n1', not '" + session.Prefix + "-n2'", "$d.HostConfig.NetworkMode", session.Prefix + "-n2"),
                ("$container.Label = @{ tier = 'b' }", "label tier is 'a', not 'b'", "$d.Labels['tier']", "b"),
                ("$container.Entrypoint = @(); $container.Command = 'sh', '-c', 'trap \"exit 0\" TERM; while true; do sleep 1; done'", "entrypoint is [sh, -c], not []", "$d.Path", "sh"),
            };
            foreach ((string change, string said, string check, object expected) in changes)
            {
                string before = (string)Value(session, "$container.Get().Id");
                RunResult drift = session.Run(change + "; $container.Test()").AssertNoErrors();
                Assert.False((bool)drift.Single().BaseObject, change);
                Assert.Contains(drift.Verbose, line => line.Contains(said, StringComparison.Ordinal));

                RunResult set = session.Run("$container.Set()").AssertNoErrors();
                Assert.Contains(set.Verbose, line => line.StartsWith("Recreating container", StringComparison.Ordinal));
                RunResult after = session.Run(@"$d = Get-ContainerDetail -Name ""$Prefix-re""; $d.Id; $d.State; " + check).AssertNoErrors();
                Assert.NotEqual(before, after.Output[0].BaseObject);
                Assert.Equal(new[] { "running", expected }, after.Output.Skip(1).Select(item => item.BaseObject).ToArray());
                Assert.True(Test(session), change);
            }
        }

        [Fact]
        public async Task Restart_policy_memory_and_cpu_change_in_place_with_the_same_id()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            string id = Made(session, @"Name = ""$Prefix-lim""; Memory = '64m'; Cpu = 0.5; RestartPolicy = 'no'");

            // 256m is above the 128m of memory plus swap the engine gave the 64m container: refused unless swap moves too.
            session.Run("$container.Memory = '256m'; $container.Cpu = 1.5; $container.RestartPolicy = 'unless-stopped'").AssertNoErrors();
            RunResult drift = session.Run("$container.Test()").AssertNoErrors();
            Assert.False((bool)drift.Single().BaseObject);
            Assert.Contains(drift.Verbose, line => line.Contains("restart policy is 'no', not 'unless-stopped'", StringComparison.Ordinal));
            Assert.Contains(drift.Verbose, line => line.Contains("memory limit is 67108864 bytes, not 268435456", StringComparison.Ordinal));
            Assert.Contains(drift.Verbose, line => line.Contains("CPU limit is 0.5, not 1.5", StringComparison.Ordinal));

            RunResult set = session.Run("$container.Set()").AssertNoErrors();
            Assert.Contains(set.Verbose, line => line.StartsWith("Updating container", StringComparison.Ordinal));
            Assert.DoesNotContain(set.Verbose, line => line.StartsWith("Recreating", StringComparison.Ordinal));
            RunResult engine = session.Run(@"$d = Get-ContainerDetail -Name ""$Prefix-lim""; $d.Id; $d.HostConfig.Memory; $d.HostConfig.NanoCpus; $d.RestartPolicy; $d.State").AssertNoErrors();
            Assert.Equal(new object[] { id, 268435456L, 1500000000L, "unless-stopped", "running" }, engine.Output.Select(item => item.BaseObject).ToArray());
            Assert.True(Test(session));
        }

        [Fact]
        public async Task Absent_stops_and_removes_the_container_and_then_holds()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            DscAdapter.Define(session);
            session.Run(@"New-Container -Image $TestImage -Name ""$Prefix-gone"" -Command sh, -c, 'trap ""exit 0"" TERM; while true; do sleep 1; done' | Start-Container
                $VerbosePreference = 'Continue'
                $container = New-DscResource Container @{ Name = ""$Prefix-gone""; Ensure = 'Absent' }").AssertNoErrors();

            Assert.False(Test(session));
            RunResult set = session.Run("$container.Set(); $container.Set()").AssertNoErrors();
            Assert.Contains(set.Verbose, line => line.StartsWith("Stopping container", StringComparison.Ordinal));
            Assert.Single(set.Verbose, line => line.StartsWith("Removing container", StringComparison.Ordinal));
            Assert.Empty(session.Run(@"Get-Container -All -Name ""$Prefix-gone*""").AssertNoErrors().Output);
            Assert.True(Test(session));
            Assert.Equal("Absent", Value(session, "$container.Get().Ensure").ToString());
        }

        [Fact]
        public async Task A_bad_port_is_a_terminating_InvalidPort_that_makes_nothing_and_changes_nothing()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            DscAdapter.Define(session);

            // No container yet: Test refuses as Set does (the LCM calls Test first), and nothing is made.
            foreach (string method in new[] { "Test", "Set" })
            {
                RunResult refused = session.Run($"(New-DscResource Container @{{ Name = \"$Prefix-bad\"; Image = $TestImage; Port = 'x' }}).{method}()");
                Assert.True(refused.Terminating != null, refused.Describe());
                Assert.StartsWith("InvalidPort", refused.Terminating!.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.InvalidArgument, refused.Terminating.CategoryInfo.Category);
                Assert.Empty(session.Run(@"Get-Container -All -Name ""$Prefix-bad*""").AssertNoErrors().Output);
            }

            // An existing container: Test and Set both refuse, and it stays as it was.
            session.Run(@"New-Container -Image $TestImage -Name ""$Prefix-bad"" -Command true | Out-Null").AssertNoErrors();
            string id = (string)Value(session, @"(Get-ContainerDetail -Name ""$Prefix-bad"").Id");
            foreach (string method in new[] { "Test", "Set" })
            {
                RunResult refused = session.Run($"(New-DscResource Container @{{ Name = \"$Prefix-bad\"; Image = $TestImage; Port = 'x' }}).{method}()");
                Assert.True(refused.Terminating != null, refused.Describe());
                Assert.StartsWith("InvalidPort", refused.Terminating!.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.InvalidArgument, refused.Terminating.CategoryInfo.Category);
            }

            Assert.Equal(new object[] { id }, session.Run(@"(Get-Container -All -Name ""$Prefix-bad*"").Id").AssertNoErrors().Output.Select(item => item.BaseObject).ToArray());
        }

        [Fact]
        public async Task A_missing_image_is_pulled_and_one_the_registry_lacks_fails_with_the_modules_id_leaving_the_old_container()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            DscAdapter.Define(session);
            // The test image in the registry under this test's own name, not on the engine; the login stored as the
            // ContainerImage tests store it (it stays: other tests use the same one).
            session.Run(@"
                (New-DscResource ContainerRegistryLogin @{ Registry = $TestRegistry; Credential = $Credential }).Set()
                Add-ContainerImageTag -Name $TestImage -Tag ""$TestRegistry/$Prefix-img:1""
                Invoke-ImagePush -Name ""$TestRegistry/$Prefix-img:1"" | Out-Null
                Remove-ContainerImage -Name ""$TestRegistry/$Prefix-img:1"" | Out-Null
                $VerbosePreference = 'Continue'
                $container = New-DscResource Container @{ Name = ""$Prefix-pulled""; Image = ""$TestRegistry/$Prefix-img:1""; " + Serve + " }",
                RegistryLogin.Variables(session)).AssertNoErrors();

            RunResult set = session.Run("$container.Set()").AssertNoErrors();
            Assert.Contains(set.Verbose, line => line.Contains("pulling it", StringComparison.Ordinal));
            string id = (string)Value(session, "$container.Get().Id");
            Assert.True(Test(session));

            RunResult refused = session.Run(@"$container.Image = ""$TestRegistry/$Prefix-missing:1""; $container.Set()");
            Assert.True(refused.Terminating != null, refused.Describe());
            Assert.Matches("^(ImageNotFound|RegistryRepositoryNotFound),", refused.Terminating!.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, refused.Terminating.CategoryInfo.Category);
            // Nothing lost: the old container runs on with its id, and no replacement was made.
            RunResult left = session.Run(@"Get-Container -All -Name ""$Prefix-pulled*"" | ForEach-Object { $_.Id; $_.State }").AssertNoErrors();
            Assert.Equal(new object[] { id, "running" }, left.Output.Select(item => item.BaseObject).ToArray());
        }
    }
}

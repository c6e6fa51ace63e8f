using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Reliability
{
    /// <summary>
    /// A real dockerd killed (SIGKILL) in the middle of a transfer: a pull of an image with a 100 MB layer, and a save and
    /// an export of 150 MB of random bytes (which no compression shrinks), killed the moment the file starts to grow.
    /// A cut transfer is a connection error: no image reported, no file left, not even the hidden partial one.
    /// </summary>
    public sealed class EngineKilledUnderTransferTests
    {
        private const string BigLayer = "FROM localhost/containers-test/busybox:latest\nRUN dd if=/dev/urandom of=/big bs=1M count={0} 2>/dev/null\n";

        [Fact]
        public async Task Invoke_ImagePull_reports_a_connection_error_and_no_image_when_the_engine_is_killed_mid_download()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            using var context = new TemporaryFolder();
            context.Write("Dockerfile", string.Format(System.Globalization.CultureInfo.InvariantCulture, BigLayer, 100));
            var variables = new Dictionary<string, object?>
            {
                ["Context"] = context.Path,
                ["User"] = session.Engine.RegistryUser,
                ["Password"] = session.Engine.RegistryPassword,
            };
            // Made on the shared engine and pushed to the registry; pulled by an engine that has never seen it.
            session.Run(@"
                $Credential = [pscredential]::new($User, (ConvertTo-SecureString $Password -AsPlainText -Force))
                Invoke-ImageBuild -Path $Context -Tag ""$TestRegistry/$Prefix-big:1"" | Out-Null
                Invoke-ImagePush -Name ""$TestRegistry/$Prefix-big:1"" -Credential $Credential | Out-Null", variables).AssertNoErrors();
            using KillableEngine engine = await KillableEngine.StartAsync();
            variables["E"] = engine.DockerHost;

            RunResult result = await KilledEngineRun.RunAsync(session, engine, "Invoke-ImagePull -Name \"$TestRegistry/$Prefix-big:1\" -Credential $Credential -Engine $E", variables,
                written => written is ProgressRecord record && record.StatusDescription == "Downloading");

            KilledEngineRun.AssertEndedByTheKill("Invoke-ImagePull", engine, result);
        }

        [Fact]
        public async Task Export_ContainerImage_leaves_no_file_when_the_engine_is_killed_mid_save()
        {
            using KillableEngine engine = await KillableEngine.StartAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            using var context = new TemporaryFolder();
            using var destination = new TemporaryFolder();
            context.Write("Dockerfile", string.Format(System.Globalization.CultureInfo.InvariantCulture, BigLayer, 150));
            var variables = new Dictionary<string, object?> { ["E"] = engine.DockerHost, ["Context"] = context.Path, ["Folder"] = destination.Path };
            session.Run("Invoke-ImageBuild -Path $Context -Tag \"localhost/$Prefix-big:1\" -Engine $E | Out-Null", variables).AssertNoErrors();

            RunResult result = await KilledEngineRun.RunUntilFileGrowsAsync(session, engine,
                "Export-ContainerImage -Name \"localhost/$Prefix-big:1\" -Path (Join-Path $Folder big.tar) -PassThru -Engine $E", variables, destination.Path);

            KilledEngineRun.AssertEndedByTheKill("Export-ContainerImage", engine, result, folder: destination.Path);
        }

        [Fact]
        public async Task Export_Container_leaves_no_file_when_the_engine_is_killed_mid_export()
        {
            using KillableEngine engine = await KillableEngine.StartAsync();
            using ModuleSession session = await ModuleSession.StartAsync();
            using var destination = new TemporaryFolder();
            var variables = new Dictionary<string, object?> { ["E"] = engine.DockerHost, ["Folder"] = destination.Path };
            session.Run("Invoke-ContainerImage -Image $TestImage -Name \"$Prefix-big\" -Command sh,-c,'dd if=/dev/urandom of=/big bs=1M count=150 2>/dev/null' -Engine $E", variables).AssertNoErrors();

            RunResult result = await KilledEngineRun.RunUntilFileGrowsAsync(session, engine,
                "Export-Container -Name \"$Prefix-big\" -Path (Join-Path $Folder rootfs.tar) -PassThru -Engine $E", variables, destination.Path);

            KilledEngineRun.AssertEndedByTheKill("Export-Container", engine, result, folder: destination.Path);
        }
    }
}

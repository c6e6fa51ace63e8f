using System.Collections;
using Containers.Commands.Containers;
using Containers.Engine.Endpoints;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Containers
{
    /// <summary>New-Container's friendly parameters, as the engine stores them, and bad values that must never reach it.</summary>
    public class FriendlyParameterTests : EngineTest
    {
        private async Task<bool> ExistsAsync(string name) =>
            (await Client.Containers.ListAsync(new ContainerListParameters { All = true })).Any(c => c.Names!.Contains("/" + name));

        [Fact]
        public async Task The_engine_stores_what_the_friendly_parameters_say()
        {
            string name = PrivateEngine.UniqueName("friendly");
            var options = new ContainerOptions
            {
                Image = Image,
                Command = new[] { "true" },
                Entrypoint = new string[0],
                Environment = new Hashtable { ["MODE"] = "test", ["LEVEL"] = 3 },
                Label = new Hashtable { ["com.example.role"] = "web" },
                Port = new[] { "127.0.0.1:18080:80", "53/udp" },
                Volume = new[] { "/cache" },
                Mount = new object[] { "type=tmpfs,target=/scratch,tmpfs-size=16m" },
                RestartPolicy = "on-failure:2",
                Memory = "64m",
                Cpu = 0.5,
                User = "1000:1000",
                WorkingDirectory = "/tmp",
                HostName = "friendly-host",
                ReadOnly = true,
            };
            var output = new RecordingOutput();
            Container? made = await NewContainerCommand.FromOptions(options, name, null).ExecuteAsync(Engine, output, default);
            Track(made!.Id);

            ContainerInspect inspect = await Client.Containers.InspectAsync(name);
            Assert.Contains("MODE=test", inspect.Config!.Env!);
            Assert.Contains("LEVEL=3", inspect.Config.Env!);
            Assert.Equal("web", inspect.Config.Labels!["com.example.role"]);
            Assert.Equal("1000:1000", inspect.Config.User);
            Assert.Equal("/tmp", inspect.Config.WorkingDir);
            Assert.Equal("friendly-host", inspect.Config.Hostname);
            Assert.Contains("/cache", inspect.Config.Volumes!.Keys);
            HostConfig host = inspect.HostConfig!;
            Assert.Equal("127.0.0.1", host.PortBindings!["80/tcp"]![0].HostIp);
            Assert.Equal("18080", host.PortBindings["80/tcp"]![0].HostPort);
            Assert.True(host.PortBindings.ContainsKey("53/udp"));
            Assert.Equal(64L * 1024 * 1024, host.Memory);
            Assert.Equal(500_000_000L, host.NanoCpus);
            Assert.Equal("on-failure", host.RestartPolicy!.Name);
            Assert.Equal(2, host.RestartPolicy.MaximumRetryCount);
            Assert.True(host.ReadonlyRootfs);
            Mount scratch = Assert.Single(host.Mounts!);
            Assert.Equal("tmpfs", scratch.Type);
            Assert.Equal(16L * 1024 * 1024, scratch.TmpfsOptions!.SizeBytes);
        }

        [Fact]
        public async Task A_run_sees_its_environment_working_directory_and_bind_mount()
        {
            string folder = Path.Combine(Path.GetTempPath(), "cte-bind-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(folder);
            try
            {
                File.WriteAllText(Path.Combine(folder, "greeting.txt"), "hello from the host\n");
                var options = new ContainerOptions
                {
                    Image = Image,
                    Command = new[] { "sh", "-c", "echo $GREETING; pwd; cat /data/greeting.txt" },
                    Environment = new Hashtable { ["GREETING"] = "hi there" },
                    WorkingDirectory = "/data",
                    Volume = new[] { "./bound:/data:ro" },
                    ResolveHostPath = relative => folder,
                };
                var output = new RecordingOutput();
                await new InvokeContainerImageCommand(NewContainerCommand.FromOptions(options, null, null)) { Remove = true }.ExecuteAsync(Engine, output, default);
                Assert.Equal(new object[] { "hi there", "/data", "hello from the host" }, output.Objects);
                Assert.Equal(0, output.ExitCode);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        public static TheoryData<string, Action<ContainerOptions>, string> BadValues => new TheoryData<string, Action<ContainerOptions>, string>
        {
            { "Port", o => o.Port = new[] { "8080:80", "80:eighty" }, "80:eighty" },
            { "Memory", o => o.Memory = "12 parsecs", "12 parsecs" },
            { "Environment", o => o.Environment = new Hashtable { ["BAD=NAME"] = "x" }, "BAD=NAME" },
            { "Cpu", o => o.Cpu = "many", "many" },
            { "RestartPolicy", o => o.RestartPolicy = "sometimes", "sometimes" },
            { "Volume", o => o.Volume = new[] { "data:relative/path" }, "data:relative/path" },
            { "Mount", o => o.Mount = new object[] { "type=bind,target=/x" }, "type=bind,target=/x" },
        };

        [Theory]
        [MemberData(nameof(BadValues))]
        public async Task A_bad_value_is_InvalidArgument_naming_it_and_leaves_no_container(string parameter, Action<ContainerOptions> spoil, string shown)
        {
            string name = PrivateEngine.UniqueName("bad");
            var options = new ContainerOptions { Image = Image, Command = new[] { "true" } };
            spoil(options);
            var output = new RecordingOutput();
            var failure = Assert.Throws<InvalidParameterException>(() =>
            {
                NewContainerCommand command = NewContainerCommand.FromOptions(options, name, null);
                command.ExecuteAsync(Engine, output, default).GetAwaiter().GetResult();
            });

            CommandError error = ErrorClassifier.Classify(failure, null);
            Assert.Equal("Invalid" + parameter, error.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
            Assert.Contains(shown, error.Message);
            Assert.False(await ExistsAsync(name));
        }

        [Fact]
        public async Task The_raw_configuration_is_merged_over_the_friendly_parameters()
        {
            string name = PrivateEngine.UniqueName("raw");
            var options = new ContainerOptions { Image = Image, Command = new[] { "true" }, Memory = "32m" };
            var raw = new Hashtable { ["HostConfig"] = new Hashtable { ["Memory"] = 48L * 1024 * 1024, ["CapAdd"] = new[] { "NET_ADMIN" } } };
            Container? made = await NewContainerCommand.FromOptions(options, name, raw).ExecuteAsync(Engine, new RecordingOutput(), default);
            Track(made!.Id);
            ContainerInspect inspect = await Client.Containers.InspectAsync(name);
            Assert.Equal(48L * 1024 * 1024, inspect.HostConfig!.Memory);
            Assert.Equal(new[] { "NET_ADMIN" }, inspect.HostConfig.CapAdd);
        }
    }
}

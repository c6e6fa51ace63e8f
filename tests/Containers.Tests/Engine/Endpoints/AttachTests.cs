using System.Text;
using Containers.Engine.Endpoints;
using Containers.Engine.Http;
using Containers.Engine.Models;
using Xunit;

namespace Containers.Tests.Engine.Endpoints
{
    /// <summary>The <c>docker run</c> order: create, attach, wait for the next exit, start.</summary>
    public class AttachTests : Fixtures.EngineTest
    {
        [Fact]
        public async Task Attaching_before_start_catches_all_output_and_the_wait_gives_the_exit_code()
        {
            (string id, _) = await CreateAsync(new[] { "sh", "-c", "echo hello; echo oops >&2; exit 3" });

            using HijackedStream attached = await Client.Containers.AttachAsync(id, new ContainerAttachParameters());
            Task<ContainerWaitResponse> exited = await Client.Containers.BeginWaitAsync(id, "next-exit");
            Assert.True(await Client.Containers.StartAsync(id));

            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            CapturedOutput output = await CapturedOutput.ReadAsync(attached, tty: false, 4096, limit.Token);
            ContainerWaitResponse result = await exited.WaitAsync(limit.Token);

            Assert.Equal(new[] { "hello" }, output.StdoutLines);
            Assert.Equal(new[] { "oops" }, output.StderrLines);
            Assert.Equal(3, result.StatusCode);
            Assert.Null(result.Error?.Message);
        }

        [Fact]
        public async Task Attached_stdin_reaches_the_process_and_closing_it_ends_the_process()
        {
            string name = Fixtures.PrivateEngine.UniqueName("stdin");
            ContainerCreateResponse created = await Client.Containers.CreateAsync(name, new ContainerCreateRequest
            {
                Image = Image,
                Cmd = new List<string> { "sh", "-c", "tr a-z A-Z; echo done >&2" },
                AttachStdin = true,
                AttachStdout = true,
                AttachStderr = true,
                OpenStdin = true,
                StdinOnce = true,
            });
            Track(created.Id);

            using HijackedStream attached = await Client.Containers.AttachAsync(created.Id, new ContainerAttachParameters { Stdin = true });
            Task<ContainerWaitResponse> exited = await Client.Containers.BeginWaitAsync(created.Id, "next-exit");
            await Client.Containers.StartAsync(created.Id);
            Task<CapturedOutput> reading = CapturedOutput.ReadAsync(attached, tty: false);

            byte[] input = Encoding.UTF8.GetBytes("shout this\nand this é\n");
            await attached.WriteAsync(input, 0, input.Length);
            await attached.CloseWriteAsync();

            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            CapturedOutput output = await reading.WaitAsync(limit.Token);
            Assert.Equal(new[] { "SHOUT THIS", "AND THIS é" }, output.StdoutLines);
            Assert.Equal(new[] { "done" }, output.StderrLines);
            Assert.Equal(0, (await exited.WaitAsync(limit.Token)).StatusCode);
        }

        [Fact]
        public async Task Attaching_to_a_tty_container_gives_raw_output()
        {
            (string id, _) = await CreateAsync(new[] { "sh", "-c", "echo on-a-terminal" }, tty: true);

            using HijackedStream attached = await Client.Containers.AttachAsync(id, new ContainerAttachParameters());
            Task<ContainerWaitResponse> exited = await Client.Containers.BeginWaitAsync(id, "next-exit");
            await Client.Containers.StartAsync(id);

            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            CapturedOutput output = await CapturedOutput.ReadAsync(attached, tty: true, 4096, limit.Token);
            Assert.Equal("on-a-terminal\r\n", Encoding.UTF8.GetString(output.Stdout.ToArray()));
            Assert.Equal(0, (await exited.WaitAsync(limit.Token)).StatusCode);
        }
    }
}
